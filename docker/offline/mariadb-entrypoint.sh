#!/bin/bash
# The official mariadb image's start-up, reduced: on an empty /var/lib/mysql, mariadb-install-db, then the root
# password (MARIADB_ROOT_PASSWORD, also for root@MARIADB_ROOT_HOST when set), MARIADB_DATABASE and
# /docker-entrypoint-initdb.d/*.sql and *.sh against a server without networking; then the server on every
# address. Arguments starting with "-" (after an optional "mariadbd") are server options.
set -euo pipefail
case "${1:-}" in mariadbd|mysqld) shift ;; esac
if [ -n "${1:-}" ] && [ "${1#-}" = "$1" ]; then exec "$@"; fi
datadir=/var/lib/mysql
install -d -o mysql -g mysql "$datadir" /run/mysqld
rm -f /run/mysqld/bulwark-ready
if [ ! -d "$datadir/mysql" ]; then
  root_password="${MARIADB_ROOT_PASSWORD:-${MYSQL_ROOT_PASSWORD:-}}"
  : "${root_password:?MARIADB_ROOT_PASSWORD must be set}"
  root_host="${MARIADB_ROOT_HOST:-${MYSQL_ROOT_HOST:-%}}"
  database="${MARIADB_DATABASE:-${MYSQL_DATABASE:-}}"
  mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=socket \
    >/dev/null
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket=/run/mysqld/mysqld.sock "$@" &
  for _ in $(seq 60); do
    mariadb --protocol=socket -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
  done
  esc="${root_password//\\/\\\\}"
  esc="${esc//\'/\\\'}"
  {
    echo "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('$esc');"
    if [ "$root_host" != localhost ]; then
      echo "CREATE USER 'root'@'$root_host' IDENTIFIED BY '$esc';"
      echo "GRANT ALL ON *.* TO 'root'@'$root_host' WITH GRANT OPTION;"
    fi
    if [ -n "$database" ]; then echo "CREATE DATABASE IF NOT EXISTS \`$database\`;"; fi
  } | mariadb --protocol=socket -uroot
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) echo "running $f"; mariadb --protocol=socket -uroot ${database:+"$database"} < "$f" ;;
      *.sh) echo "running $f"; . "$f" ;;
    esac
  done
  mariadb-admin --protocol=socket -uroot shutdown
  wait || true
  echo "MariaDB init process done. Ready for start up."
fi
touch /run/mysqld/bulwark-ready
exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 "$@"
