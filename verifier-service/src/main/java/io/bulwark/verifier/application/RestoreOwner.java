package io.bulwark.verifier.application;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Which verifier process runs a restore: its host name and process id, and when it started. A restore whose owner is
 * a process of this host that no longer runs (or an earlier life of this very process id, as in a container restarted
 * with pid 1) was interrupted.
 *
 * @param host the host name
 * @param pid the process id
 * @param startedAt when the process started
 */
public record RestoreOwner(String host, long pid, Instant startedAt) {

    /** This JVM. */
    public static RestoreOwner current() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElse(Instant.now());
        return new RestoreOwner(hostName(), self.pid(), started);
    }

    /** {@code host/pid}, as the ledger records it. */
    public String name() {
        return host + "/" + pid;
    }

    /**
     * True when {@code owner} (as {@link #name()} wrote it) started at {@code ownerStartedAt} is a process of this host
     * that is gone: another pid that no longer runs, or this pid in an earlier life.
     */
    public boolean outlived(String owner, Instant ownerStartedAt) {
        int slash = owner == null ? -1 : owner.lastIndexOf('/');
        if (slash < 0 || !owner.substring(0, slash).equals(host)) {
            return false;
        }
        long ownerPid;
        try {
            ownerPid = Long.parseLong(owner.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (ownerPid == pid) {
            return ownerStartedAt != null && ownerStartedAt.isBefore(startedAt);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(ownerPid);
        return process.isEmpty() || !process.get().isAlive();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
