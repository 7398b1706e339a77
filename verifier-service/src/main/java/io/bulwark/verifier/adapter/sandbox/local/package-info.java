/**
 * {@code local} sandboxes: an ephemeral PostgreSQL ({@code initdb} + {@code pg_ctl}) or MariaDB ({@code
 * mariadb-install-db} + {@code mariadbd}) server started from the machine's binaries in a fresh folder, on
 * 127.0.0.1 and a free port, removed on close; orphans of a dead verifier are reaped at start-up.
 */
package io.bulwark.verifier.adapter.sandbox.local;
