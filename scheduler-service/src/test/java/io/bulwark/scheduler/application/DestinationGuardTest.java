package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.scheduler.domain.DatabaseEngine;
import org.junit.jupiter.api.Test;

class DestinationGuardTest {

    private static final DestinationGuard.SourceDatabase SOURCE =
            new DestinationGuard.SourceDatabase("127.0.0.1", 5432, "chinook");

    @Test
    void theSourceIsTheSameNameOnTheSameHostAndPort() {
        assertThat(DestinationGuard.isSource(server("127.0.0.1", 5432), "chinook", SOURCE))
                .isTrue();
        assertThat(DestinationGuard.isSource(server("LOCALHOST", 5432), "chinook", SOURCE))
                .as("two loopback names")
                .isTrue();
        assertThat(DestinationGuard.isSource(server("127.0.0.1", 5433), "chinook", SOURCE))
                .isFalse();
        assertThat(DestinationGuard.isSource(server("192.0.2.10", 5432), "chinook", SOURCE))
                .isFalse();
        assertThat(DestinationGuard.isSource(server("127.0.0.1", 5432), "chinook_copy", SOURCE))
                .isFalse();
        assertThat(DestinationGuard.isSource(server("127.0.0.1", 5432), "chinook", null))
                .isFalse();
        assertThat(DestinationGuard.isSource(server(null, 5432), "chinook", SOURCE))
                .isFalse();
    }

    private static DestinationServer server(String host, int port) {
        return new DestinationServer("staging", DatabaseEngine.POSTGRESQL, host, port, "u", null, null, "postgres");
    }
}
