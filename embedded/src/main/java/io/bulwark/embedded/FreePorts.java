package io.bulwark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds free TCP ports on 127.0.0.1 for servers that must be told their port before they bind it. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * Returns a TCP port on 127.0.0.1 that was free a moment ago (bound and released).
     *
     * @return a port number between 1024 and 65535
     * @throws UncheckedIOException when no port can be bound
     */
    public static int next() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }
}
