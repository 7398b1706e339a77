#!/bin/sh
# Prepares MinIO for docker-compose.yml (run once by the minio-init container, idempotent): the bucket, and one
# user per service that touches the object store, each with a least-privilege policy from this folder:
#   dump-worker  writes artifacts, manifest.json and manifest.json.sig; reads and deletes its own unfinished
#                backups and attempt records; may not write or delete the verifier's reports
#   verifier     reads everything in the bucket; writes only verification.json/html, restore.json/html and
#                its restore ledger
#   retention    lists, reads manifest.json/verification.json, deletes expired backups
#   scheduler    reads only verification.json/html and restore.json (its report endpoints)
# The notifier never touches the object store and gets no user. The root credentials stay in this
# container and in MinIO's.
set -eu

: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}"
: "${S3_DUMP_WORKER_SECRET:?}" "${S3_VERIFIER_SECRET:?}" "${S3_RETENTION_SECRET:?}" "${S3_SCHEDULER_SECRET:?}"
BUCKET="${BUCKET:-bulwark}"
POLICIES="${POLICIES:-/etc/bulwark/minio}"

# the alias is taken from the environment (MC_HOST_<alias>), so no secret is on a command line
export MC_HOST_bulwark="http://${MINIO_ROOT_USER}:${MINIO_ROOT_PASSWORD}@minio:9000"

mc mb --ignore-existing "bulwark/${BUCKET}"

add_service() {
  user="$1" secret="$2" policy="$3"
  mc admin policy create bulwark "$policy" "${POLICIES}/${policy}.json"
  # mc takes the secret key as an argument: it stays inside this one-shot container
  mc admin user add bulwark "$user" "$secret" >/dev/null
  if ! out="$(mc admin policy attach bulwark "$policy" --user "$user" 2>&1)"; then
    case "$out" in
      *already*) ;;
      *) echo "$out" >&2; exit 1 ;;
    esac
  fi
  echo "MinIO user $user has policy $policy"
}

add_service bulwark-dump-worker "$S3_DUMP_WORKER_SECRET" dump-worker-policy
add_service bulwark-verifier "$S3_VERIFIER_SECRET" verifier-policy
add_service bulwark-retention "$S3_RETENTION_SECRET" retention-policy
add_service bulwark-scheduler "$S3_SCHEDULER_SECRET" scheduler-policy
