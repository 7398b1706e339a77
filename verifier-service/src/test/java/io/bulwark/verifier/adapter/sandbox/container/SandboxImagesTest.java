package io.bulwark.verifier.adapter.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SandboxImagesTest {

    @Test
    void postgresSourcesGetTheirMajorVersionFromTenOnAndTwoPartsBefore() {
        assertThat(SandboxImages.DEFAULT.imageFor("postgresql", "15.20")).isEqualTo("postgres:15");
        assertThat(SandboxImages.DEFAULT.imageFor("postgresql", "17.2 (Debian 17.2-1.pgdg120+1)"))
                .isEqualTo("postgres:17");
        assertThat(SandboxImages.DEFAULT.imageFor("postgresql", "9.6.24")).isEqualTo("postgres:9.6");
        assertThat(SandboxImages.DEFAULT.imageFor("postgresql", "18beta1")).isEqualTo("postgres:18");
    }

    @Test
    void mariaDbAndMySqlSourcesGetTheirOwnImageOfTheirSeries() {
        assertThat(SandboxImages.DEFAULT.imageFor("mariadb", "10.11.14-MariaDB-0+deb12u2"))
                .isEqualTo("mariadb:10.11");
        assertThat(SandboxImages.DEFAULT.imageFor("mariadb", "8.0.36")).isEqualTo("mysql:8.0");
        assertThat(SandboxImages.DEFAULT.imageFor("mysql", "8.4.3")).isEqualTo("mysql:8.4");
        assertThat(SandboxImages.DEFAULT.imageFor("mariadb", "11.4.2-MariaDB")).isEqualTo("mariadb:11.4");
    }

    @Test
    void aSourceWithoutAVersionGetsTheLatestImageWhichRestoresOlderDumps() {
        assertThat(SandboxImages.DEFAULT.imageFor("postgresql", null)).isEqualTo("postgres:latest");
        assertThat(SandboxImages.DEFAULT.imageFor("mariadb", "")).isEqualTo("mariadb:latest");
    }

    @Test
    void aConfiguredMirrorKeepsItsRegistryAndGetsTheSeries() {
        SandboxImages mirror =
                new SandboxImages("registry.example.com/lib/postgres:{series}-alpine", "m:{series}", "y:{series}");

        assertThat(mirror.imageFor("postgresql", "16.4")).isEqualTo("registry.example.com/lib/postgres:16-alpine");
        assertThatThrownBy(() -> new SandboxImages(" ", "m", "y")).hasMessageContaining("postgresql-image");
    }
}
