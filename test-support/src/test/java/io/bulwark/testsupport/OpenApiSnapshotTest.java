package io.bulwark.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiSnapshotTest {

    private static final String DOCS = "{\"paths\":{\"/b\":{},\"/a\":{}},\"openapi\":\"3.1.0\","
            + "\"servers\":[{\"url\":\"http://localhost:41234\"}],\"info\":{\"version\":\"v1\",\"title\":\"t\"}}";

    @Test
    void canonicalSortsKeysAndDropsTheServers() {
        String canonical = OpenApiSnapshot.canonical(DOCS);

        assertThat(canonical).doesNotContain("servers").doesNotContain("41234").endsWith("}\n");
        assertThat(canonical.indexOf("\"info\"")).isLessThan(canonical.indexOf("\"openapi\""));
        assertThat(canonical.indexOf("\"/a\"")).isLessThan(canonical.indexOf("\"/b\""));
        assertThat(canonical.indexOf("\"title\"")).isLessThan(canonical.indexOf("\"version\""));
        assertThat(OpenApiSnapshot.canonical(DOCS.replace("41234", "50000"))).isEqualTo(canonical);
    }

    @Test
    void aDifferentCopyFailsNamingTheRegenerationCommand(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("api.json");
        Files.writeString(copy, OpenApiSnapshot.canonical(DOCS));

        OpenApiSnapshot.assertMatches(DOCS, copy, "regenerate");
        assertThatThrownBy(() -> OpenApiSnapshot.assertMatches(DOCS.replace("/b", "/c"), copy, "./mvnw -Dx=y"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("./mvnw -Dx=y")
                .hasMessageContaining("api.json");
        assertThatThrownBy(() -> OpenApiSnapshot.assertMatches(DOCS, dir.resolve("missing.json"), "cmd"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theUpdatePropertyRewritesTheCopy(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("openapi").resolve("api.json");
        System.setProperty(OpenApiSnapshot.UPDATE_PROPERTY, "true");
        try {
            OpenApiSnapshot.assertMatches(DOCS, copy, "cmd");
        } finally {
            System.clearProperty(OpenApiSnapshot.UPDATE_PROPERTY);
        }

        assertThat(Files.readString(copy)).isEqualTo(OpenApiSnapshot.canonical(DOCS));
    }
}
