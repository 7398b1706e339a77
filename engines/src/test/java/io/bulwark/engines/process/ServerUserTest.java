package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bulwark.engines.process.ProcessRunner.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerUserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(7);

    @TempDir
    Path work;

    @BeforeEach
    void letOthersThroughTheWorkDirectory() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void aSwitchingUserRunsProgramsThroughRunuser() {
        Command command = new ServerUser("postgres", true).command(List.of("/usr/bin/initdb", "-D", "/d"), TIMEOUT);

        assertThat(command.argv()).containsExactly("runuser", "-u", "postgres", "--", "/usr/bin/initdb", "-D", "/d");
        assertThat(command.timeout()).isEqualTo(TIMEOUT);
        assertThat(command.env()).isEmpty();
    }

    @Test
    void theJvmsOwnUserRunsProgramsAsTheyAre() {
        Command command = new ServerUser("postgres", false).command(List.of("/usr/bin/initdb", "-D", "/d"), TIMEOUT);

        assertThat(command.argv()).containsExactly("/usr/bin/initdb", "-D", "/d");
    }

    @Test
    void refusesANameThatIsNoUserName() {
        assertThatThrownBy(() -> new ServerUser(" ", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerUser("-x", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDirectoryBehindAClosedAncestorIsRefusedWithTheCallersException() throws Exception {
        Path closed = Files.createDirectory(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> new ServerUser("nobody", true)
                        .requireTraversable(closed.resolve("inner/data"), "TestDB", Refused::new))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("directory " + closed + " (mode rwx------)")
                .hasMessageContaining("not traversable by OS user nobody, who runs TestDB")
                .hasMessageContaining("chmod o+x " + closed);

        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx--x--x"));
        new ServerUser("nobody", true).requireTraversable(closed.resolve("inner/data"), "TestDB", Refused::new);
    }

    @Test
    void withoutSwitchingNothingIsCheckedOrHandedOver() throws Exception {
        Path closed = Files.createDirectory(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path file = Files.writeString(closed.resolve("f"), "x");
        String owner = Files.getOwner(file).getName();
        ServerUser jvmUser = new ServerUser("nobody", false);

        jvmUser.requireTraversable(closed.resolve("inner"), "TestDB", Refused::new);
        jvmUser.handOver(file);

        assertThat(Files.getOwner(file).getName()).isEqualTo(owner);
    }

    @Test
    void aDirectoryHandedToTheUserLetsItThroughEvenWhenClosedToOthers() throws Exception {
        assumeThat(LocalServers.runningAsRoot())
                .as("only root can change owners")
                .isTrue();
        Path closed = Files.createDirectory(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        ServerUser nobody = new ServerUser("nobody", true);

        nobody.handOver(closed);

        assertThat(Files.getOwner(closed).getName()).isEqualTo("nobody");
        nobody.requireTraversable(closed.resolve("inner"), "TestDB", Refused::new);
    }

    @Test
    void handingOverToAMissingUserFails() throws Exception {
        Path file = Files.writeString(work.resolve("f"), "x");

        assertThatThrownBy(() -> new ServerUser("no-such-user-bulwark", true).handOver(file))
                .isInstanceOf(java.io.IOException.class);
    }

    static final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
