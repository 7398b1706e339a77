#!/bin/bash
# Creates the least-privilege backup user of the chinook-mysql target (README, "The backup user").
set -euo pipefail
mariadb -uroot -p"${MARIADB_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS 'bulwark'@'%' IDENTIFIED BY '${CHINOOK_MYSQL_PASSWORD}';
GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON \`Chinook\`.* TO 'bulwark'@'%';
GRANT SELECT ON \`mysql\`.\`proc\` TO 'bulwark'@'%';
SQL
