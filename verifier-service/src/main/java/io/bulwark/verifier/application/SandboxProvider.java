package io.bulwark.verifier.application;

/**
 * Starts sandboxes of one kind ({@code local}, {@code container} or {@code scratch}). Thread-safe:
 * every call starts an independent sandbox.
 */
public interface SandboxProvider {

    /** The kind of sandbox this provider starts, as written in reports: e.g. {@code local}. */
    String kind();

    /**
     * Starts a sandbox with an empty database to restore into.
     *
     * @throws SandboxException when no sandbox can be started (missing binaries, no disk, a
     *     misconfigured work directory); nothing is left behind then
     */
    Sandbox start();
}
