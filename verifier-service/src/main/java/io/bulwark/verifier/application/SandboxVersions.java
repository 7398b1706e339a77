package io.bulwark.verifier.application;

import io.bulwark.contracts.CheckResult;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;

/**
 * The {@code sandbox} check: a sandbox must run at least the source's major version, since a server cannot restore
 * what a newer one dumped (PostgreSQL: "pg_dump ... cannot be restored into older servers"). An older one is ERROR
 * (not judged, and not worth retrying until the verifier's binaries change).
 */
final class SandboxVersions {

    private SandboxVersions() {}

    /**
     * PASSED naming the sandbox, or ERROR naming the versions and what to install.
     *
     * @param kind the sandbox kind, e.g. {@code local}
     * @param engine the manifest's engine
     */
    static CheckResult check(
            String kind, String engine, String sourceVersion, String sandboxVersion, long sandboxMillis) {
        String engineName = engine.equalsIgnoreCase("postgresql") ? "PostgreSQL" : "MariaDB";
        int sourceMajor = SandboxProvider.majorVersion(sourceVersion);
        int sandboxMajor = SandboxProvider.majorVersion(sandboxVersion);
        if (sourceMajor > sandboxMajor && sandboxMajor > 0) {
            return Checks.error(
                    CheckNames.SANDBOX,
                    "the sandbox runs " + engineName + " " + sandboxVersion + ", older than the source's "
                            + sourceVersion + "; install the " + engineName + " " + sourceMajor + " server binaries"
                            + (engineName.equals("PostgreSQL") ? " or point pg-bin-dir at them" : ""),
                    sandboxMillis);
        }
        return Checks.passed(
                CheckNames.SANDBOX,
                kind + " " + engineName + " " + sandboxVersion + " started in " + sandboxMillis + " ms",
                sandboxMillis);
    }
}
