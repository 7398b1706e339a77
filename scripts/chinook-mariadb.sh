#!/usr/bin/env bash
# Loads Chinook (MySQL script) into database $1 on the machine's MariaDB (root over 127.0.0.1:3306,
# no password) and creates the least-privilege backup user $2 with password $3, with exactly the GRANTs
# the README names ("The backup user"). Used by local-stack's MariaDbEndToEndIT, and handy for trying
# `./bulwark demo --target mysql://...` by hand.
set -euo pipefail
db="$1" user="$2" password="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mysql_root=(mariadb --no-defaults -uroot -h127.0.0.1 -P3306)
sed -e "s/\`Chinook\`/\`$db\`/g" "$here/test-support/src/main/resources/fixtures/chinook/Chinook_MySql.sql" | "${mysql_root[@]}"
"${mysql_root[@]}" <<SQL
DROP USER IF EXISTS '$user'@'%';
CREATE USER '$user'@'%' IDENTIFIED BY '$password';
GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON \`$db\`.* TO '$user'@'%';
GRANT SELECT ON \`mysql\`.\`proc\` TO '$user'@'%';
SQL
