package io.bulwark.verifier.application;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;

/**
 * The destination servers restores may write to: the configured destinations ({@code
 * bulwark.restore.destinations.<id>}) and each target's own server ({@code target:<targetId>}). Thread-safe.
 */
public interface RestoreDestinations {

    /** The id of a target's own server as a destination: {@code target:<targetId>}. */
    static String ofTarget(String targetId) {
        return "target:" + targetId;
    }

    /**
     * The destination {@code destinationId}: a configured destination's id or {@code target:<targetId>}.
     *
     * @throws io.bulwark.pipeline.RestoreRefusedException (DESTINATION_UNKNOWN) when there is no such destination or
     *     its password cannot be read (the message names the setting, never the secret)
     */
    Destination resolve(String destinationId);

    /**
     * One destination server, ready to restore into.
     *
     * @param id the destination's id as reports name it
     * @param engine {@code postgresql} or {@code mariadb}
     * @param restore the engine's restore port
     * @param inspect the engine's inspect port
     * @param server how to reach the server: its maintenance database, with the destination's credentials
     */
    record Destination(String id, String engine, RestoreEngine restore, InspectEngine inspect, ConnectionSpec server) {

        /** Host and port, never credentials. */
        @Override
        public String toString() {
            return id + " (" + engine + " at " + server.host() + ":" + server.port() + ")";
        }
    }
}
