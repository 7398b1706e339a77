package io.bulwark.engines;

/**
 * A database engine's dump adapter: opens consistent, streamed dumps of one database with the
 * engine's own tool ({@code pg_dump}, {@code mariadb-dump}), together with the schema inventory and
 * exact row counts of what the dump holds.
 *
 * <p>Implementations are thread-safe: one instance serves every dump, each {@link #open} call runs
 * its own tool process. Every implementation passes {@code DumpEngineContract} (engines' tests).
 */
public interface DumpEngine {

    /** The engine name written in manifests and events: {@code postgresql} or {@code mariadb}. */
    String engine();

    /** The artifact format written in {@link io.bulwark.contracts.ArtifactRef#format()}, e.g. {@code pg_dump-custom}. */
    String format();

    /**
     * The format part of the dump's object name ({@code dump.<extension>.<compression>[.gpg]}), e.g.
     * {@code pgcustom} or {@code sql}.
     */
    String fileExtension();

    /**
     * Opens a dump of {@code spec}: connects, checks the tool against the server, takes what the
     * inventory needs and starts the tool. The caller reads {@link DumpSession#stdout()} to its end,
     * calls {@link DumpSession#awaitSuccess()} and closes the session.
     *
     * @throws DumpFailedException with a {@link io.bulwark.contracts.FailureReason} a person can act on
     *     (connection refused, authentication failed, permission denied, database missing, tool
     *     missing or too old, timeout); its message never holds the password
     */
    DumpSession open(ConnectionSpec spec, DumpOptions options);
}
