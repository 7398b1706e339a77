package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path work;

    @Test
    void shortTextIsKeptWholeAndStripped() {
        assertThat(LogTail.of("  FATAL: no\n", 100)).isEqualTo("FATAL: no");
        assertThat(LogTail.of((String) null, 100)).isEmpty();
    }

    @Test
    void longTextKeepsItsEndMarkedAsCut() {
        String tail = LogTail.of("x".repeat(500) + "ERROR: Bind on TCP/IP port", 30);

        assertThat(tail).isEqualTo("...xxxxERROR: Bind on TCP/IP port");
    }

    @Test
    void aLargeFileYieldsOnlyItsEnd() throws Exception {
        Path log = Files.writeString(
                work.resolve("server.log"), "line\n".repeat(200_000) + "FATAL:  could not bind IPv4 address\n");

        String tail = LogTail.of(log, 40);

        assertThat(tail).startsWith(LogTail.CUT).endsWith("FATAL:  could not bind IPv4 address");
        assertThat(tail).hasSizeLessThanOrEqualTo(40 + LogTail.CUT.length());
    }

    @Test
    void aSmallFileIsKeptWhole() throws Exception {
        Path log = Files.writeString(work.resolve("server.log"), "\nLOG:  ready\n");

        assertThat(LogTail.of(log, 4000)).isEqualTo("LOG:  ready");
    }

    @Test
    void aMissingFileSaysSoInsteadOfThrowing() {
        assertThat(LogTail.of(work.resolve("missing.log"), 100))
                .startsWith("(no server log: ")
                .contains("missing.log");
    }

    @Test
    void refusesANonPositiveLength() {
        assertThatThrownBy(() -> LogTail.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
