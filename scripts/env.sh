# Shared shell helpers for ./bulwark and .ci/run: find JDK 25, install missing tools.
# Sourced, not executed.

# Sets JAVA_HOME to a JDK 25 (the current JAVA_HOME when it is one, else the first under /usr/lib/jvm).
bulwark_find_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | head -1 | grep -qE 'version "25'; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "bulwark: no JDK 25 found; install one (e.g. Temurin 25) and set JAVA_HOME" >&2
  return 1
}

# Installs, with apt, the tools Bulwark drives when they are missing: zstd, gpg, the PostgreSQL and
# MariaDB client and server binaries, docker-compose (only to validate docker-compose.yml).
bulwark_install_prerequisites() {
  local missing=()
  command -v zstd >/dev/null 2>&1 || missing+=(zstd)
  command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  command -v mariadb-dump >/dev/null 2>&1 || command -v mysqldump >/dev/null 2>&1 || missing+=(mariadb-client)
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "bulwark: missing ${missing[*]}; install them (apt-get install ${missing[*]})" >&2
      return 1
    fi
    echo "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The integration tests use the machine's PostgreSQL on 127.0.0.1:5432 and MariaDB on 127.0.0.1:3306
# (root, socket authentication); start them when they are down.
bulwark_ensure_local_databases() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432
  if ! mariadb-admin --no-defaults -uroot -h127.0.0.1 -P3306 --connect-timeout=2 ping >/dev/null 2>&1; then
    if [ -x /usr/sbin/mariadbd ]; then
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    fi
    for _ in $(seq 1 30); do
      mariadb-admin --no-defaults -uroot -h127.0.0.1 -P3306 --connect-timeout=2 ping >/dev/null 2>&1 && break
      sleep 1
    done
  fi
  mariadb-admin --no-defaults -uroot -h127.0.0.1 -P3306 --connect-timeout=2 ping
}
