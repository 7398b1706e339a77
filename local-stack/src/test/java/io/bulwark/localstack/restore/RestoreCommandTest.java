package io.bulwark.localstack.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code restore}'s arguments, checked before anything is read or connected, and its small parts. */
class RestoreCommandTest {

    private static final String[] STORE = {"--s3-endpoint", "http://127.0.0.1:1", "--bucket", "bulwark"};

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private String err;

    @Test
    void refusesAPasswordInTheUrlWithExitTwoWithoutRepeatingIt() {
        assertThat(run("--target", "chinook", "--to", "postgresql://postgres:hunter2@db:5432/x"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err)
                .contains("BULWARK_RESTORE_PASSWORD")
                .contains("--password-file")
                .doesNotContain("hunter2");

        assertThat(run("--target", "chinook", "--to", "mysql://root@db/x?password=hunter2"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).doesNotContain("hunter2");
    }

    @Test
    void checksHowTheOptionsGoTogether() {
        assertThat(run("--to", "postgresql://db")).isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("--backup PREFIX|ID").contains("--target ID");

        assertThat(run("--backup", "p/", "--at", "2026-11-23T19:00:00Z", "--to", "postgresql://db"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("--at goes with --target");

        assertThat(run("--target", "t", "--at", "yesterday", "--to", "postgresql://db"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("ISO-8601");

        assertThat(run("--target", "t", "--to", "postgresql://db/a", "--database", "b"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("--database says b");

        assertThat(run("--target", "t", "--to", "postgresql://db/a", "--replace"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("--replace needs --confirm");

        assertThat(run("--target", "t", "--to", "postgresql://db", "--replace", "--confirm", "x"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("the database to replace");

        assertThat(run("--target", "t", "--to", "postgresql://db/a", "--confirm", "a"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("--confirm goes with --replace");

        assertThat(run("--target", "t", "--to", "postgresql://db", "--jobs", "0"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(run("--target", "t", "--to", "mysql://root@db", "--schema", "s"))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("use --table");
        assertThat(run("--target", "t", "--to", "oracle://db")).isEqualTo(RestoreExit.REFUSED);
        assertThat(run("--target", "t")).as("--to is required").isEqualTo(RestoreExit.REFUSED);
    }

    @Test
    void needsTheObjectStoresKeysFromTheEnvironmentOrFiles() throws IOException {
        assertThat(run("--target", "t", "--to", "postgresql://db")).isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("BULWARK_S3_ACCESS_KEY").contains("--s3-access-key-file");

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(run("--target", "t", "--to", "postgresql://db", "--s3-access-key-file", empty.toString()))
                .isEqualTo(RestoreExit.REFUSED);
        assertThat(err).contains("is empty");
    }

    @Test
    void readsSecretsFromFilesBeforeTheEnvironmentWithoutTheirLineBreak() throws IOException {
        env.put(RestoreCredentials.RESTORE_PASSWORD_ENV, "from-env");
        env.put(RestoreCredentials.AWS_ACCESS_KEY_ENV, "aws-access");
        env.put(RestoreCredentials.AWS_SECRET_KEY_ENV, "aws-secret");
        RestoreCredentials credentials = new RestoreCredentials(env::get);
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");

        assertThat(credentials.destinationPassword(null)).isEqualTo("from-env");
        assertThat(credentials.destinationPassword(file)).isEqualTo("from-file");
        assertThat(credentials.s3Keys(null, null)).isEqualTo(new RestoreCredentials.S3Keys("aws-access", "aws-secret"));
        assertThat(credentials.s3Keys(null, null).toString()).doesNotContain("aws-secret");
        env.put(RestoreCredentials.S3_ACCESS_KEY_ENV, "bulwark-access");
        assertThat(credentials.s3Keys(null, null).accessKey()).isEqualTo("bulwark-access");
        assertThat(credentials.decryptionKeys(List.of(), null, null).isEmpty()).isTrue();
        env.put(RestoreCredentials.BACKUP_PASSPHRASE_ENV, "open sesame");
        assertThat(credentials.decryptionKeys(List.of(), null, null).passphraseCount())
                .isEqualTo(1);
        assertThatThrownBy(() -> credentials.decryptionKeys(List.of(dir.resolve("missing.asc")), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.asc");
    }

    @Test
    void parsesDestinationUrls() {
        assertThat(DestinationUrl.parse("postgresql://127.0.0.1"))
                .isEqualTo(new DestinationUrl("postgresql", "127.0.0.1", 5432, "postgres", null));
        assertThat(DestinationUrl.parse("postgres://ops@db.internal:6432/restored"))
                .isEqualTo(new DestinationUrl("postgresql", "db.internal", 6432, "ops", "restored"));
        DestinationUrl maria = DestinationUrl.parse("mariadb://root@127.0.0.1/shop_copy");
        assertThat(maria).isEqualTo(new DestinationUrl("mariadb", "127.0.0.1", 3306, "root", "shop_copy"));
        assertThat(maria.toString()).isEqualTo("mariadb://127.0.0.1:3306/shop_copy (as root)");
        assertThat(maria.maintenanceDatabase()).isEqualTo("mysql");
        assertThat(DestinationUrl.parse("postgresql://db").maintenanceDatabase())
                .isEqualTo("postgres");
        assertThatThrownBy(() -> DestinationUrl.parse("mysql://127.0.0.1/x"))
                .hasMessageContaining("must name the user");
        assertThatThrownBy(() -> DestinationUrl.parse("postgresql://u:@db/x")).hasMessageContaining("password");
    }

    @Test
    void mapsEveryFailureReasonToAnExitCode() {
        assertThat(RestoreExit.of(RestoreFailureReason.PROOF_FAILED)).isEqualTo(1);
        assertThat(RestoreExit.of(RestoreFailureReason.RESTORE_FAILED)).isEqualTo(1);
        assertThat(RestoreExit.of(RestoreFailureReason.DESTINATION_REFUSED)).isEqualTo(2);
        assertThat(RestoreExit.of(RestoreFailureReason.INVALID_REQUEST)).isEqualTo(2);
        assertThat(RestoreExit.of(RestoreFailureReason.BACKUP_NOT_VERIFIED)).isEqualTo(2);
        assertThat(RestoreExit.of(RestoreFailureReason.BACKUP_NOT_FOUND)).isEqualTo(3);
        assertThat(RestoreExit.of(RestoreFailureReason.STORAGE_UNAVAILABLE)).isEqualTo(4);
        assertThat(RestoreExit.of(RestoreFailureReason.DESTINATION_UNREACHABLE)).isEqualTo(4);
        for (RestoreFailureReason reason : RestoreFailureReason.values()) {
            assertThat(RestoreExit.of(reason)).isBetween(1, 4);
        }
    }

    @Test
    void writesProgressLogLinesWithPercentRateAndEta() {
        assertThat(RestoreProgressView.logLine(RestorePhase.RESTORE, 50L << 20, 200L << 20, 10))
                .isEqualTo("restore: RESTORE 50.0 of 200.0 MiB (25%), 5.0 MiB/s, ETA 30 s");
        assertThat(RestoreProgressView.logLine(RestorePhase.SPOOL, 0, 0, 0))
                .isEqualTo("restore: SPOOL 0.0 MiB, 0.0 MiB/s");
    }

    @Test
    void documentsItsExitCodesInItsHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RestoreCommand(env::get, () -> false));
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString())
                .contains("Exit codes:")
                .contains("DESTINATION_REFUSED")
                .contains("BULWARK_RESTORE_PASSWORD");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(STORE));
        all.addAll(List.of(args));
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new RestoreCommand(env::get, () -> false));
        cli.setErr(new PrintWriter(e, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute(all.toArray(String[]::new));
        err = e.toString();
        return code;
    }
}
