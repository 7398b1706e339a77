package io.bulwark.pipeline.rules;

/** The stable names of the checks of a verification or a restore, as they appear in reports and events. */
public final class CheckNames {

    /** The manifest exists and can be read. */
    public static final String MANIFEST = "manifest";
    /** A sandbox of a suitable version could be started. */
    public static final String SANDBOX = "sandbox";
    /** The SHA-256 of the stored bytes equals the manifest's. */
    public static final String CHECKSUM = "checksum";
    /** The decoded archive's head is readable: its table of contents (PostgreSQL) or a dump header (MariaDB). */
    public static final String ARCHIVE = "archive";
    /** The restore tool exited cleanly after reading the whole archive. */
    public static final String RESTORE = "restore";
    /** The restored tables are exactly the manifest's tables. */
    public static final String TABLES = "tables";
    /** Every table's exact row count equals the manifest's. */
    public static final String ROW_COUNTS = "row-counts";
    /** Every object other than tables (views, indexes, constraints, ...) is restored, no others. */
    public static final String SCHEMA = "schema";
    /** No row references a parent row that does not exist. */
    public static final String FOREIGN_KEYS = "foreign-keys";
    /** The restored indexes (PostgreSQL {@code amcheck}) or tables (MariaDB {@code CHECK TABLE}) are sound. */
    public static final String INDEXES = "indexes";
    /** Every column-owned sequence (MariaDB: AUTO_INCREMENT) would hand out a value above the column's max. */
    public static final String SEQUENCES = "sequences";
    /** The restored database holds as many PostgreSQL large objects as the manifest counted. */
    public static final String LARGE_OBJECTS = "large-objects";
    /** The source's own flaws at dump time (orphan rows, sequences behind), as findings: never FAILED. */
    public static final String SOURCE_HEALTH = "source-health";
    /** The destination database of a restore was prepared: created, or found empty, or replaced with confirmation. */
    public static final String DESTINATION = "destination";
    /** The foreign keys a partial restore left out or dangling because they reference a table left out. */
    public static final String PARTIAL = "partial";
    /** The target's critical tables were restored and hold rows. */
    public static final String CRITICAL_TABLES = "critical-tables";
    /** The prefix of a target's assertion check, followed by the assertion's name. */
    public static final String ASSERTION_PREFIX = "assertion:";
    /** Download and restore took no longer than the target's recovery time objective. */
    public static final String RTO = "rto";
    /** The verification report could be stored. */
    public static final String REPORT = "report";

    private CheckNames() {}
}
