#!/usr/bin/env bash
# End-to-end smoke of docker-compose.yml without any registry: builds every image locally
# (scripts/docker-offline-images.sh, then docker-compose build with docker-compose.offline.yml), brings the whole
# stack up with container sandboxes behind the socket proxy (docker-compose.sandbox-containers.yml and its offline
# override), waits on the healthchecks, requests a backup of the PostgreSQL source through the scheduler's API and
# waits for VERIFIED (restored in a sandbox container), scales the dump-worker to 2, waits for both to be healthy
# and for a backup of the MariaDB source to be VERIFIED, then removes every container, volume and network of the
# run (also on failure; the images stay cached, only their builds this run replaced are removed). Prints each
# phase's wall time.
#
# Needs: a running Docker engine, docker-compose, the five services' jars (built here when missing) and, on the
# first run, root for debootstrap. The secrets come from a generated env file (target/compose-smoke/.env, mode
# 600) and are never printed; the published ports are free ports of 127.0.0.1.
# Exit status: 0 when both backups were verified and nothing of the run is left, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=env.sh
source scripts/env.sh
bulwark_find_jdk25 >/dev/null

project="${BULWARK_SMOKE_PROJECT:-bulwarksmoke}"
work="$PWD/target/compose-smoke"
env_file="$work/.env"
auth_header="$work/auth.header"
files=(-f docker-compose.yml -f docker-compose.offline.yml
  -f docker-compose.sandbox-containers.yml -f docker-compose.sandbox-containers.offline.yml)
dc() { docker-compose -p "$project" --env-file "$env_file" "${files[@]}" "$@"; }

started_at="$(date +%s)"
phase_name=""
phase_start="$started_at"
timings=()
phase() {
  local now
  now="$(date +%s)"
  if [ -n "$phase_name" ]; then
    timings+=("$(printf '%-28s %4ss' "$phase_name" $((now - phase_start)))")
  fi
  phase_name="$1"
  phase_start="$now"
  [ -n "$1" ] && echo "== compose-smoke: $1"
  return 0
}
fail() {
  echo "compose-smoke: FAILED: $*" >&2
  exit 1
}

teardown() {
  local status=$? left
  trap - EXIT
  if [ "$status" -ne 0 ] && [ -f "$env_file" ]; then
    # every container's log into target/compose-smoke/logs; the errors of each on the console
    rm -rf "$work/logs"
    mkdir -p "$work/logs"
    dc ps >&2 || true
    for id in $(docker ps -aq --filter "label=com.docker.compose.project=$project"); do
      name="$(docker inspect -f '{{.Name}}' "$id" | tr -d /)"
      docker logs "$id" > "$work/logs/$name.log" 2>&1 || true
      echo "--- $name (restarts: $(docker inspect -f '{{.RestartCount}}' "$id")), errors in its log:" >&2
      grep -E ' ERROR |APPLICATION FAILED|^Caused by|FATAL|Exception:' "$work/logs/$name.log" | head -8 \
        | cut -c1-300 >&2 || true
    done
    echo "compose-smoke: the containers' logs are in $work/logs" >&2
  fi
  phase "teardown"
  if [ -f "$env_file" ]; then
    dc down -v --remove-orphans --timeout 20 >/dev/null 2>&1 || true
  fi
  # sandbox containers and networks the verifier of this run started and could not remove
  local id created name
  for id in $(docker ps -aq --filter label=io.bulwark.sandbox=true 2>/dev/null); do
    created="$(docker inspect -f '{{index .Config.Labels "io.bulwark.sandbox.created"}}' "$id" 2>/dev/null || echo 0)"
    if [ "${created:-0}" -ge "$started_at" ] 2>/dev/null; then
      docker rm -f -v "$id" >/dev/null 2>&1 || true
    fi
  done
  for id in $(docker network ls -q --filter label=io.bulwark.sandbox=true 2>/dev/null); do
    [ -z "$(docker network inspect -f '{{range .Containers}}x{{end}}' "$id" 2>/dev/null)" ] \
      && docker network rm "$id" >/dev/null 2>&1 || true
  done
  # the previous builds of the images (bulwark/* images this run's builds untagged): the system layers the builds
  # start from are untagged on purpose (build cache) and stay
  for id in $images_before; do
    [ "$(docker image inspect -f '{{len .RepoTags}}' "$id" 2>/dev/null)" = 0 ] \
      && docker rmi "$id" >/dev/null 2>&1 || true
  done
  left="$(docker ps -aq --filter "label=com.docker.compose.project=$project")
$(docker volume ls -q --filter "label=com.docker.compose.project=$project")
$(docker network ls -q --filter "label=com.docker.compose.project=$project")"
  rm -f "$env_file" "$auth_header"
  phase ""
  echo "== compose-smoke: timings"
  printf '   %s\n' "${timings[@]}"
  echo "   total                        $(($(date +%s) - started_at))s"
  if [ -n "$(echo "$left" | tr -d '[:space:]')" ]; then
    echo "compose-smoke: FAILED: containers, volumes or networks of $project are left: $(echo "$left" | xargs)" >&2
    status=1
  fi
  if [ "$status" -eq 0 ]; then
    echo "compose-smoke: PASSED"
  else
    echo "compose-smoke: FAILED (exit $status)" >&2
  fi
  exit "$status"
}

docker info >/dev/null 2>&1 || fail "the Docker engine does not answer (docker info)"
command -v docker-compose >/dev/null || fail "docker-compose is missing"
mkdir -p "$work"
images_before="$(docker images -q --no-trunc --filter 'reference=bulwark/*' | sort -u)"
trap teardown EXIT
trap 'exit 143' INT TERM

phase "jars"
modules=(scheduler-service dump-worker verifier-service retention-service notifier-service)
missing=()
for m in "${modules[@]}"; do
  [ -f "$m/target/$m-0.1.0-SNAPSHOT-exec.jar" ] || missing+=("$m")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "packaging ${missing[*]}"
  modules_csv="$(IFS=,; echo "${missing[*]}")"
  ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package -pl "$modules_csv" -am \
    || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl "$modules_csv" -am
fi

phase "base images"
scripts/docker-offline-images.sh > "$work/images.log" 2>&1 \
  || { tail -30 "$work/images.log" >&2; fail "scripts/docker-offline-images.sh"; }
grep '^==' "$work/images.log"

phase "compose build"
umask 077
free_ports="$(python3 -c 'import socket
socks=[socket.socket() for _ in range(5)]
[s.bind(("127.0.0.1", 0)) for s in socks]
print(" ".join(str(s.getsockname()[1]) for s in socks))')"
read -r api_port s3_port s3_console_port source_port mariadb_port <<<"$free_ports"
secret() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
admin_token="$(secret)"
{
  echo "MINIO_ROOT_USER=bulwark-root"
  for name in MINIO_ROOT_PASSWORD BULWARK_S3_DUMP_WORKER_SECRET BULWARK_S3_VERIFIER_SECRET \
      BULWARK_S3_RETENTION_SECRET BULWARK_S3_SCHEDULER_SECRET BULWARK_DB_PASSWORD CHINOOK_PASSWORD \
      MARIADB_ROOT_PASSWORD CHINOOK_MYSQL_PASSWORD BULWARK_MANIFEST_KEY; do
    echo "$name=$(secret)"
  done
  echo "BULWARK_ADMIN_TOKEN=$admin_token"
  echo "BULWARK_API_PORT=$api_port"
  echo "BULWARK_S3_PORT=$s3_port"
  echo "BULWARK_S3_CONSOLE_PORT=$s3_console_port"
  echo "BULWARK_SOURCE_DB_PORT=$source_port"
  echo "BULWARK_MARIADB_SOURCE_PORT=$mariadb_port"
} > "$env_file"
printf 'Authorization: Bearer %s\n' "$admin_token" > "$auth_header"
unset admin_token
umask 022
dc config -q
dc build --force-rm > "$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; fail "docker-compose build"; }
grep -E '^Successfully tagged' "$work/build.log" | sort -u

# Waits until every container of the project is healthy (or, without a healthcheck, running; minio-init: exited
# 0) and $1 dump-worker containers are; fails on an unhealthy or failed container or after $2 seconds.
wait_healthy() {
  local want_workers="$1" deadline=$(($(date +%s) + $2)) line pending bad workers
  while :; do
    pending=0 bad="" workers=0
    while read -r line; do
      [ -n "$line" ] || continue
      set -- $line
      case "$2" in
        healthy) [[ "$1" == *dump-worker* ]] && workers=$((workers + 1)) ;;
        running) [ "$4" = true ] && pending=$((pending + 1)) ;;
        # a service may fail its healthcheck while a loaded machine starts it: only the deadline decides
        starting|created|restarting|unhealthy) pending=$((pending + 1)) ;;
        exited) [[ "$1" == *minio-init* && "$3" == 0 ]] || bad="$bad $1($2,$3)" ;;
        *) bad="$bad $1($2)" ;;
      esac
    done < <(docker ps -a --filter "label=com.docker.compose.project=$project" -q | xargs -r docker inspect -f \
      '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}} {{.State.ExitCode}} {{if .Config.Healthcheck}}true{{else}}false{{end}}')
    [ -z "$bad" ] || fail "containers failed:$bad"
    if [ "$pending" -eq 0 ] && [ "$workers" -ge "$want_workers" ]; then
      return 0
    fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "containers not healthy within $2 s: $(docker ps -a \
      --filter "label=com.docker.compose.project=$project" --format '{{.Names}} {{.Status}}' | grep -v '(healthy)' \
      | xargs)"
    sleep 3
  done
}

api="http://127.0.0.1:$api_port"
# Requests a backup of target $1 and waits up to $2 seconds for VERIFIED; fails on any other final state.
backup_verified() {
  local target="$1" deadline=$(($(date +%s) + $2)) body id state
  body="$(curl -fsS -H @"$auth_header" -H 'Content-Type: application/json' \
    -d "{\"targetId\":\"$target\",\"label\":\"compose-smoke\"}" "$api/api/backups")" \
    || fail "POST /api/backups ($target) was refused"
  id="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["backupId"])' <<<"$body")"
  echo "backup $id of $target requested"
  while :; do
    body="$(curl -fsS -H @"$auth_header" "$api/api/backups/$id")" || body='{}'
    state="$(python3 -c 'import json,sys; print(json.load(sys.stdin).get("state"))' <<<"$body")"
    case "$state" in
      VERIFIED) echo "backup $id of $target: VERIFIED"; return 0 ;;
      FAILED|VERIFICATION_FAILED|VERIFICATION_ERROR)
        fail "backup $id of $target ended $state: $(python3 -c 'import json,sys
b=json.load(sys.stdin); print(b.get("failedChecks"), b.get("failureReason", ""))' <<<"$body")" ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || fail "backup $id of $target not VERIFIED within $2 s (state $state)"
    sleep 3
  done
}

# How many sandbox containers were started since epoch second $1.
sandboxes_since() {
  docker events --since "$1" --until "$(date +%s)" --filter type=container --filter event=start \
    --filter label=io.bulwark.sandbox=true --format '{{.ID}}' | wc -l
}

phase "up + healthy"
dc up -d --no-build > "$work/up.log" 2>&1 || { tail -20 "$work/up.log" >&2; fail "docker-compose up"; }
wait_healthy 1 900

phase "backup chinook (postgres)"
since="$(date +%s)"
backup_verified chinook 480
[ "$(sandboxes_since "$since")" -ge 1 ] || fail "the verification started no sandbox container"
echo "restored in a sandbox container (bulwark/postgres:15)"

phase "scale dump-worker=2"
dc up -d --no-build --no-recreate --scale dump-worker=2 > "$work/up.log" 2>&1 \
  || { tail -20 "$work/up.log" >&2; fail "docker-compose up --scale dump-worker=2"; }
wait_healthy 2 300
echo "2 dump-worker containers healthy"

phase "backup chinook-mysql"
since="$(date +%s)"
backup_verified chinook-mysql 480
[ "$(sandboxes_since "$since")" -ge 1 ] || fail "the verification started no sandbox container"
echo "restored in a sandbox container (bulwark/mariadb:10.11)"
