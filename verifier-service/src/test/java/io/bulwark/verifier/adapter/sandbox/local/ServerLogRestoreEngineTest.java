package io.bulwark.verifier.adapter.sandbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.RestoreOutcome;
import org.junit.jupiter.api.Test;

class ServerLogRestoreEngineTest {

    @Test
    void theLinesOfAServerLogThatSayTheDiskIsFullAreKept() {
        String log = """
                2026-12-03 13:47:39.700 UTC [1] LOG:  database system is ready to accept connections
                2026-12-03 13:47:39.791 UTC [7] PANIC:  could not write to file "pg_wal/xlogtemp.7": No space left on device
                2026-12-03 13:47:39.800 UTC [1] LOG:  server process (PID 7) was terminated by signal 6: Aborted
                """;

        String lines = ServerLogRestoreEngine.diskFullLines(log);

        assertThat(lines)
                .isEqualTo("server: 2026-12-03 13:47:39.791 UTC [7] PANIC:  could not write to file"
                        + " \"pg_wal/xlogtemp.7\": No space left on device");
        RestoreOutcome lostConnection = new RestoreOutcome(
                        "pg_restore",
                        "archive",
                        1,
                        "pg_restore: error: error returned by PQputCopyData: server closed the connection unexpectedly",
                        10,
                        false,
                        65536,
                        null,
                        true)
                .withErrors(lines);
        assertThat(lostConnection.diskFull()).isTrue();
    }

    @Test
    void aLogWithoutAFullDiskAddsNothing() {
        assertThat(ServerLogRestoreEngine.diskFullLines("LOG:  checkpoint starting\nERROR:  syntax error"))
                .isEmpty();
        assertThat(ServerLogRestoreEngine.diskFullLines(null)).isEmpty();
    }
}
