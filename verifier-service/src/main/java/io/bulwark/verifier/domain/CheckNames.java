package io.bulwark.verifier.domain;

/** The stable names of the verification checks, as they appear in reports and events. */
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
