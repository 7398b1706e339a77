#!/usr/bin/env bash
# Makes a Docker engine answer on this machine for scripts/compose-smoke.sh and the container sandboxes' tests:
# installs docker.io, docker-compose and debootstrap with apt when missing (as root), then, when `docker info`
# does not answer, starts dockerd in the background with the first configuration that comes up:
#   1. the overlay2 storage driver with iptables (the default set-up)
#   2. the vfs storage driver (file systems where overlay2 cannot mount, e.g. nested in overlayfs)
#   3. vfs without iptables (kernels without netfilter: containers then have no NAT, so image builds that
#      download packages fail; compose-smoke.sh says so)
# dockerd logs to $BULWARK_DOCKERD_LOG (default /tmp/bulwark-dockerd.log); the pid of a dockerd started here is
# written to $BULWARK_DOCKERD_PID (default /tmp/bulwark-dockerd.pid) so that the caller can stop it.
# Exit status: 0 when the engine answers, 1 (with a loud message) when it cannot be started here.
set -uo pipefail

log="${BULWARK_DOCKERD_LOG:-/tmp/bulwark-dockerd.log}"
pidfile="${BULWARK_DOCKERD_PID:-/tmp/bulwark-dockerd.pid}"

loud() {
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!!! docker-engine: $*" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    loud "missing ${missing[*]} and not root: apt-get install -y ${missing[*]}"
    exit 1
  fi
  echo "docker-engine: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || {
    loud "apt-get install ${missing[*]} failed"
    exit 1
  }
fi

if docker info >/dev/null 2>&1; then
  echo "docker-engine: the engine answers ($(docker info -f '{{.ServerVersion}}, {{.Driver}}'))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  loud "no Docker engine answers and only root can start dockerd here"
  exit 1
fi

for options in "--storage-driver=overlay2" "--storage-driver=vfs" "--storage-driver=vfs --iptables=false"; do
  echo "docker-engine: starting dockerd $options (log: $log)"
  # shellcheck disable=SC2086
  setsid dockerd $options >"$log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 40); do
    if docker info >/dev/null 2>&1; then
      echo "$pid" > "$pidfile"
      echo "docker-engine: dockerd $options answers (pid $pid)"
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  echo "docker-engine: dockerd $options did not come up; its log ends:" >&2
  tail -5 "$log" >&2
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rm -f /var/run/docker.pid
done
loud "dockerd does not start on this machine (see $log)"
exit 1
