package io.bulwark.scheduler.application;

import io.bulwark.engines.DatabaseState;

/**
 * Port: asks a destination server what one of its databases holds, for the restore pre-check. Implementations
 * connect with the server's configured credentials and a bounded connect timeout (seconds, not minutes). Thread-safe.
 */
public interface DestinationProbe {

    /**
     * What {@code database} on {@code server} holds now.
     *
     * @param server a {@linkplain DestinationServer#connectable() connectable} server
     * @param database the database's name
     * @return whether it exists and how many tables, views and sequences of its own it holds
     * @throws DestinationUnreachableException when the server does not answer, refuses, or its password cannot be
     *     read; the message names the server, never a secret
     */
    DatabaseState state(DestinationServer server, String database) throws DestinationUnreachableException;
}
