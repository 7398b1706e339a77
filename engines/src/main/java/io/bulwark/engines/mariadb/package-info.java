/**
 * MySQL and MariaDB: a {@code mariadb-dump} adapter whose exact row counts come from the dump stream
 * itself ({@link io.bulwark.engines.mariadb.MariaDbDumpTool}, {@link
 * io.bulwark.engines.mariadb.SqlDumpScanner}), the schema inventory from {@code information_schema}
 * ({@link io.bulwark.engines.mariadb.MariaDbInspector}), the mapping of driver and tool errors to
 * failure reasons, restores through the {@code mariadb} client and throwaway local servers ({@link
 * io.bulwark.engines.mariadb.LocalMariaDbInstance}).
 */
package io.bulwark.engines.mariadb;
