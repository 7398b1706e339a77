package io.bulwark.engines.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What the throwaway database servers started on this machine share: free ports, random secrets, root detection. */
public final class LocalServers {

    private static final SecureRandom RANDOM = new SecureRandom();

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
}
