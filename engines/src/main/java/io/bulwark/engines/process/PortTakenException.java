package io.bulwark.engines.process;

/**
 * A server could not listen on the port it was given because another process bound it first, between {@link
 * LocalServers#freePort} choosing it and the server binding it. Thrown by a {@link LocalServers.PortStart} so that
 * {@link LocalServers#startOnFreePort} tries another port; its message says what the server reported.
 */
public class PortTakenException extends Exception {

    /**
     * @param message what the server reported (its log's tail), shown when no attempt is left
     */
    public PortTakenException(String message) {
        super(message);
    }
}
