package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanReaperTest {

    private static final String PREFIX = "bulwark-test-";
    private static final String PID_FILE = "run/server.pid";

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void removesTheInstanceOfADeadJvmAndKillsItsServer() throws Exception {
        Process server = sleeper();
        Path orphan = instance(PREFIX + "a", deadPid(), server.pid());

        assertThat(reaper(p -> p.pid() == server.pid()).reap(work)).isEqualTo(1);

        assertThat(orphan).doesNotExist();
        assertThat(server.waitFor(5, TimeUnit.SECONDS)).as("server killed").isTrue();
    }

    @Test
    void leavesTheInstancesOfLiveJvmsAndTheirServersAlone() throws Exception {
        Process server = sleeper();
        Process otherJvm = sleeper();
        Path ours = instance(PREFIX + "ours", ProcessHandle.current().pid(), server.pid());
        Path theirs = instance(PREFIX + "theirs", otherJvm.pid(), server.pid());

        assertThat(reaper(p -> true).reap(work)).isZero();

        assertThat(ours).exists();
        assertThat(theirs).exists();
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void deletesAnOrphanButSparesALiveProcessThatIsNotItsServer() throws Exception {
        Process reused = sleeper();
        Path orphan = instance(PREFIX + "a", deadPid(), reused.pid());

        assertThat(reaper(p -> false).reap(work)).isEqualTo(1);

        assertThat(orphan).doesNotExist();
        assertThat(reused.isAlive()).as("a reused pid is not killed").isTrue();
    }

    @Test
    void removesAnInstanceWithoutOwnerOnlyOnceItIsOlderThanTheAge() throws Exception {
        Path unowned = Files.createDirectory(work.resolve(PREFIX + "unowned"));

        assertThat(reaper(p -> true).reap(work)).as("may still be in creation").isZero();
        assertThat(unowned).exists();

        Files.setLastModifiedTime(unowned, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
        assertThat(reaper(p -> true).reap(work)).isEqualTo(1);
        assertThat(unowned).doesNotExist();
    }

    @Test
    void touchesOnlyDirectoriesOfItsPrefix() throws Exception {
        Path otherKind = instance("bulwark-other-a", deadPid(), null);
        Path file = Files.writeString(work.resolve(PREFIX + "file"), "not an instance");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertThat(reaper(p -> true).reap(work)).isZero();

        assertThat(otherKind).exists();
        assertThat(file).exists();
    }

    @Test
    void aMissingWorkDirectoryHoldsNoOrphans() {
        assertThat(reaper(p -> true).reap(work.resolve("missing"))).isZero();
    }

    @Test
    void refusesAnAbsolutePidFileOrABlankPrefix() {
        assertThatThrownBy(() -> new OrphanReaper(PREFIX, "/run/server.pid", p -> true, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrphanReaper(" ", PID_FILE, p -> true, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrphanReaper reaper(Predicate<ProcessHandle> isServer) {
        return new OrphanReaper(PREFIX, PID_FILE, isServer, Duration.ofMinutes(10));
    }

    /** An instance directory named {@code name} owned by {@code owner}, its server pid file naming {@code server}. */
    private Path instance(String name, long owner, Long server) throws Exception {
        Path dir = Files.createDirectory(work.resolve(name));
        Files.writeString(dir.resolve(LocalInstanceDirectory.OWNER_FILE), Long.toString(owner));
        if (server != null) {
            Files.createDirectories(dir.resolve(PID_FILE).getParent());
            Files.writeString(dir.resolve(PID_FILE), server + "\n/some/data/dir\n");
        }
        return dir;
    }

    private Process sleeper() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        started.add(p);
        return p;
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
