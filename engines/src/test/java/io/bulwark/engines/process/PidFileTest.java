package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path work;

    @Test
    void readsThePidOnTheFirstLine() throws Exception {
        assertThat(PidFile.read(file("4242\n/var/lib/postgresql/data\n1700000000\n5432\n")))
                .contains(4242L);
        assertThat(PidFile.read(file("  \n 17 \n"))).contains(17L);
    }

    @Test
    void aMissingEmptyOrMalformedFileNamesNoPid() throws Exception {
        assertThat(PidFile.read(work.resolve("missing"))).isEmpty();
        assertThat(PidFile.read(file(""))).isEmpty();
        assertThat(PidFile.read(file("abc\n"))).isEmpty();
        assertThat(PidFile.read(file("0\n"))).isEmpty();
        assertThat(PidFile.read(file("-5\n"))).isEmpty();
    }

    @Test
    void liveProcessIsTheRunningProcessTheFileNames() throws Exception {
        assertThat(PidFile.liveProcess(
                        file(Long.toString(ProcessHandle.current().pid()))))
                .map(ProcessHandle::pid)
                .contains(ProcessHandle.current().pid());
        assertThat(PidFile.liveProcess(file(Long.toString(OrphanReaperTest.deadPid()))))
                .isEmpty();
    }

    private Path file(String text) throws Exception {
        return Files.writeString(Files.createTempFile(work, "pid", ".pid"), text);
    }
}
