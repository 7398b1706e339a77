package io.bulwark.verifier.application;

/**
 * Starts sandboxes of one kind ({@code local}, {@code container} or {@code scratch}). Thread-safe:
 * every call starts an independent sandbox.
 */
public interface SandboxProvider {

    /** The kind of sandbox this provider starts, as written in reports: e.g. {@code local}. */
    String kind();

    /**
     * Starts a sandbox for {@code request}'s engine with an empty database to restore into.
     *
     * @throws SandboxException when no sandbox can be started (an engine this provider has no server
     *     for, missing binaries, no disk, a misconfigured work directory); nothing is left behind then
     */
    Sandbox start(SandboxRequest request);

    /**
     * The major version a server version begins with: {@code 15} for {@code 15.20}, {@code 10} for {@code
     * 10.11.14-MariaDB}; 0 when it begins with no number (or is null).
     */
    static int majorVersion(String version) {
        if (version == null) {
            return 0;
        }
        String digits = version.trim().split("[^0-9]", 2)[0];
        try {
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What the sandbox is for.
     *
     * @param engine the source's engine, {@code postgresql} or {@code mariadb} (from the manifest)
     * @param sourceDatabase the source database's name: a MySQL/MariaDB dump restores into a database
     *     of that name, so that the restored objects are named as the manifest names them
     * @param sourceServerVersion the source server's version as the manifest records it, e.g. {@code 15.20} or
     *     {@code 10.11.14-MariaDB}; {@code container} sandboxes run that release series; null when unknown
     */
    record SandboxRequest(String engine, String sourceDatabase, String sourceServerVersion) {

        /** A request that names no source version. */
        public SandboxRequest(String engine, String sourceDatabase) {
            this(engine, sourceDatabase, null);
        }

        /**
         * The source database's name, which a MySQL/MariaDB sandbox must restore into.
         *
         * @throws SandboxException ({@linkplain SandboxException#recurring() recurring}) when the manifest names none
         */
        public String requireSourceDatabase() {
            if (sourceDatabase == null || sourceDatabase.isBlank()) {
                throw new SandboxException(
                        "the manifest names no source database to restore the MariaDB dump into", null, true);
            }
            return sourceDatabase;
        }
    }
}
