package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void onlyTheAllowListedNamesOfTheJvmPassAndTheCommandsOwnAreAdded() {
        Map<String, String> jvm = Map.of(
                "PATH", "/usr/bin",
                "LANG", "C.UTF-8",
                "LC_ALL", "C",
                "TZ", "UTC",
                "HOME", "/root",
                "AWS_SECRET_ACCESS_KEY", "aws",
                "BULWARK_ENCRYPTION_PASSPHRASE", "pass",
                "PGPASSWORD", "pw",
                "MYSQL_PWD", "pw2");

        Map<String, String> env = ChildEnvironment.of(jvm, Map.of("PGHOST", "127.0.0.1", "HOME", "/nonexistent"));

        assertThat(env)
                .containsOnlyKeys("PATH", "LANG", "LC_ALL", "TZ", "HOME", "PGHOST")
                .containsEntry("HOME", "/nonexistent");
    }

    @Test
    void aCommandMayNotCarryASecretVariable() {
        assertThatThrownBy(() ->
                        new ProcessRunner.Command(List.of("pg_dump"), Map.of("PGPASSWORD", "x"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("x,");
        assertThatThrownBy(() -> ChildEnvironment.requireAllowed(Map.of("MYSQL_PWD", "x")))
                .hasMessageContaining("MYSQL_PWD");
    }

    @Test
    void aRealChildSeesOnlyTheAllowListedEnvironment() {
        ProcessRunner.Result r = new ProcessRunner()
                .run(new ProcessRunner.Command(List.of("env"), Map.of("PGAPPNAME", "bulwark"), Duration.ofSeconds(10)));
        assertThat(r.succeeded()).isTrue();
        List<String> names =
                r.stdout().lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(names).allMatch(n -> ChildEnvironment.inherited(n) || n.equals("PGAPPNAME"), "allow-listed");
        assertThat(names).contains("PATH", "PGAPPNAME");
    }

    @Test
    void aPrivateFileIs0600InA0700FolderWhileTheProcessRunsAndGoneAfter() throws Exception {
        ProcessRunner.Command c = new ProcessRunner.Command(
                        List.of(
                                "sh",
                                "-c",
                                "stat -c %a \"$PGPASSFILE\"; stat -c %a \"$(dirname \"$PGPASSFILE\")\"; "
                                        + "cat \"$PGPASSFILE\"; echo \"$PGPASSFILE\""),
                        Map.of(),
                        Duration.ofSeconds(10))
                .withPrivateFile(new ProcessRunner.PrivateFile("PGPASSFILE", "pgpass", "h:1:*:u:secret\n", null));

        ProcessRunner.Result r = new ProcessRunner().run(c);

        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("600");
        assertThat(lines.get(1)).isEqualTo("700");
        assertThat(lines.get(2)).isEqualTo("h:1:*:u:secret");
        assertThat(Path.of(lines.get(3))).doesNotExist();
        assertThat(Path.of(lines.get(3)).getParent()).doesNotExist();
        assertThat(c.toString()).doesNotContain("secret\n").contains("content=***");
    }

    @Test
    void aPrivateFileForAProcessOfAnotherUserIsHandedToThatUserOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalServers.runningAsRoot(), "switching users needs root");
        ServerUser user = SandboxAccount.ensureExists(SandboxAccount.DEFAULT_NAME);
        ProcessRunner.Command c = user.command(
                        List.of("sh", "-c", "cat \"$PGPASSFILE\"; stat -c %U:%a \"$PGPASSFILE\""),
                        Duration.ofSeconds(10))
                .withPrivateFile(new ProcessRunner.PrivateFile("PGPASSFILE", "pgpass", "h:1:*:u:pw\n", user.name()));

        ProcessRunner.Result r = new ProcessRunner().run(c);

        assertThat(r.succeeded()).as(r.stderr()).isTrue();
        assertThat(r.stdout().lines().toList()).containsExactly("h:1:*:u:pw", user.name() + ":600");
    }
}
