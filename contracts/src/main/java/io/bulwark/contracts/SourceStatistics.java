package io.bulwark.contracts;

/**
 * A summary of the source at dump time; the per-table detail is in the manifest.
 *
 * @param engine {@code postgresql} or {@code mariadb}/{@code mysql}
 * @param serverVersion the source server's version string, e.g. {@code 15.19}
 * @param dumpToolVersion the dump tool's version string, e.g. {@code pg_dump (PostgreSQL) 15.19}
 * @param tables number of tables (with data) in the snapshot
 * @param rows exact total rows of those tables in the snapshot
 */
public record SourceStatistics(String engine, String serverVersion, String dumpToolVersion, int tables, long rows) {}
