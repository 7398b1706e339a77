package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    private final ConfigFile.Storage storage =
            new ConfigFile.Storage("http://127.0.0.1:9000", "ak", "sk\"x", "bulwark", "us-east-1");

    @Test
    void declaresTargetsWithAPasswordFileButNeverThePassword() {
        Path secret = ConfigFile.writeSecret(dir.resolve("chinook.password"), "pw-123");
        PostgresLocation loc = PostgresLocation.parse("postgresql://postgres:pw-123@127.0.0.1:5433/chinook");

        String yaml = ConfigFile.render(storage, List.of(new ConfigFile.Target("chinook", loc, secret)), null);

        assertThat(yaml)
                .contains("  targets:\n    chinook:\n      engine: postgresql\n")
                .contains("      port: 5433\n")
                .contains("      database: \"chinook\"\n")
                .contains("      password-file: \"" + secret.toAbsolutePath() + "\"\n")
                .doesNotContain("pw-123")
                .doesNotContain("webhook");
        assertThat(yaml).contains("    secret-key: \"sk\\\"x\"\n");
    }

    @Test
    void addsTheWebhookWhenGiven() {
        String yaml = ConfigFile.render(storage, List.of(), "http://127.0.0.1:1234/hook");

        assertThat(yaml).contains("  notifier:\n    webhook:\n      url: \"http://127.0.0.1:1234/hook\"\n");
        assertThat(yaml).doesNotContain("targets:");
    }

    @Test
    void writesSecretsReadableByTheOwnerOnly() throws Exception {
        Path file = ConfigFile.write(dir.resolve("bulwark.yml"), storage, List.of(), null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("bucket: \"bulwark\"");
    }
}
