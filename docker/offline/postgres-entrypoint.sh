#!/bin/bash
# The official postgres image's start-up, reduced: on an empty $PGDATA, initdb with POSTGRES_USER and
# POSTGRES_PASSWORD (scram-sha-256 over the network; trust on the socket and on 127.0.0.1 inside the
# container, as the official image), POSTGRES_DB,
# then /docker-entrypoint-initdb.d/*.sql and *.sh against a server listening on the socket only; then the
# server on every address. Arguments starting with "-" (after an optional "postgres") are server options.
set -euo pipefail
if [ "${1:-}" = postgres ]; then shift; fi
if [ -n "${1:-}" ] && [ "${1#-}" = "$1" ]; then exec "$@"; fi
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  install -d -o postgres -g postgres -m 700 "$PGDATA"
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
else
  as_postgres() { "$@"; }
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  pwfile="$(mktemp)"
  printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
  chown postgres "$pwfile" 2>/dev/null || true
  as_postgres initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C \
    --auth-local=trust --auth-host=trust >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  as_postgres pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" start
  psql=(psql -X -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$user" -q)
  if [ "$db" != postgres ]; then
    as_postgres "${psql[@]}" -d postgres -c "CREATE DATABASE \"$db\""
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) echo "running $f"; as_postgres "${psql[@]}" -d "$db" -f "$f" >/dev/null ;;
      *.sh) echo "running $f"; . "$f" ;;
    esac
  done
  as_postgres pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups \
  postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
