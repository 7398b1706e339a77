package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.localstack.ConfigFile.Compression;
import io.bulwark.localstack.ConfigFile.Encryption;
import io.bulwark.localstack.ConfigFile.Target;
import io.bulwark.localstack.ConfigFile.TargetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ConfigFileTest {

    @TempDir
    Path dir;

    private final ConfigFile.Storage storage =
            new ConfigFile.Storage("http://127.0.0.1:9000", "ak", "sk\"x", "bulwark", "us-east-1");

    @Test
    void declaresTargetsWithAPasswordFileButNeverThePassword() {
        Path secret = ConfigFile.writeSecret(dir.resolve("chinook.password"), "pw-123");
        DatabaseLocation loc = DatabaseLocation.parse("postgresql://postgres:pw-123@127.0.0.1:5433/chinook");

        String yaml = ConfigFile.render(storage, List.of(new Target("chinook", loc, secret)), null);

        assertThat(yaml)
                .contains("  targets:\n    chinook:\n      engine: postgresql\n")
                .contains("      port: 5433\n")
                .contains("      database: \"chinook\"\n")
                .contains("      password-file: \"" + secret.toAbsolutePath() + "\"\n")
                .doesNotContain("pw-123")
                .doesNotContain("webhook")
                .doesNotContain("verifier")
                .doesNotContain("compression")
                .doesNotContain("encryption");
        assertThat(yaml).contains("    secret-key: \"sk\\\"x\"\n");
    }

    @Test
    void declaresAMysqlTargetAsEngineMariadbWithItsPort() {
        Path secret = ConfigFile.writeSecret(dir.resolve("shop.password"), "maria-pw");
        DatabaseLocation loc = DatabaseLocation.parse("mysql://backup:maria-pw@db.internal/shop");

        String yaml = ConfigFile.render(storage, List.of(new Target("shop", loc, secret)), null);

        assertThat(target(yaml, "shop"))
                .containsExactly(
                        Map.entry("engine", "mariadb"),
                        Map.entry("host", "db.internal"),
                        Map.entry("port", 3306),
                        Map.entry("database", "shop"),
                        Map.entry("username", "backup"),
                        Map.entry("password-file", secret.toAbsolutePath().toString()));
        assertThat(yaml).doesNotContain("maria-pw");
    }

    @Test
    void rendersEveryOptionalTargetSettingThatIsSet() {
        Path pub1 = dir.resolve("pub1.asc");
        Path pub2 = dir.resolve("pub 2.asc");
        Path passphrase = dir.resolve("passphrase");
        TargetOptions options = TargetOptions.NONE
                .withIncludeSchemas(List.of("public", "sales"))
                .withExcludeSchemas(List.of("audit"))
                .withIncludeTables(List.of("public.orders", "sales.\"Line Items\""))
                .withExcludeTables(List.of("public.big_log"))
                .withCompression(Compression.GZIP, 6)
                .withEncryption(new Encryption(List.of(pub1, pub2), passphrase));
        DatabaseLocation loc = DatabaseLocation.parse("postgresql://app@h/shop");

        String yaml = ConfigFile.render(storage, List.of(new Target("shop", loc, null, options)), null);

        assertThat(target(yaml, "shop"))
                .containsExactly(
                        Map.entry("engine", "postgresql"),
                        Map.entry("host", "h"),
                        Map.entry("port", 5432),
                        Map.entry("database", "shop"),
                        Map.entry("username", "app"),
                        Map.entry("include-schemas", List.of("public", "sales")),
                        Map.entry("exclude-schemas", List.of("audit")),
                        Map.entry("include-tables", List.of("public.orders", "sales.\"Line Items\"")),
                        Map.entry("exclude-tables", List.of("public.big_log")),
                        Map.entry("compression", "gzip"),
                        Map.entry("compression-level", 6),
                        Map.entry(
                                "encryption",
                                Map.of(
                                        "recipients",
                                        List.of(pub1.toString(), pub2.toString()),
                                        "passphrase-file",
                                        passphrase.toString())));
    }

    @Test
    void rendersTheExactTextOfCompressionAndRecipientsOnlyEncryption() {
        Path pub = dir.resolve("pub.asc");
        TargetOptions options = TargetOptions.NONE
                .withCompression(Compression.ZSTD, 3)
                .withEncryption(Encryption.toRecipients(List.of(pub)));
        DatabaseLocation loc = DatabaseLocation.parse("mariadb://u@h:3310/db");

        String yaml = ConfigFile.render(storage, List.of(new Target("db", loc, null, options)), null);

        assertThat(yaml)
                .contains("    db:\n"
                        + "      engine: mariadb\n"
                        + "      host: \"h\"\n"
                        + "      port: 3310\n"
                        + "      database: \"db\"\n"
                        + "      username: \"u\"\n"
                        + "      compression: zstd\n"
                        + "      compression-level: 3\n"
                        + "      encryption:\n"
                        + "        recipients: [\"" + pub + "\"]\n"
                        + "  notifier:\n");
    }

    @Test
    void rendersAPassphraseOnlyEncryptionAndALevelWithoutCompression() {
        Path passphrase = dir.resolve("pp");
        TargetOptions options =
                TargetOptions.NONE.withCompression(null, 19).withEncryption(new Encryption(null, passphrase));

        String yaml = ConfigFile.render(
                storage, List.of(new Target("db", DatabaseLocation.parse("postgresql://h/db"), null, options)), null);

        Map<String, Object> target = target(yaml, "db");
        assertThat(target).containsEntry("compression-level", 19).doesNotContainKey("compression");
        assertThat(target).containsEntry("encryption", Map.of("passphrase-file", passphrase.toString()));
    }

    @Test
    void rendersTheVerifierSecretKeysWhenGiven() {
        Path key1 = dir.resolve("secret.asc");
        Path key2 = dir.resolve("old-secret.asc");

        String yaml = ConfigFile.render(storage, List.of(), null, List.of(key1, key2));

        assertThat(yaml)
                .contains("  verifier:\n    decryption:\n      secret-keys: [\"" + key1 + "\", \"" + key2 + "\"]\n");
        assertThat(bulwark(yaml).get("verifier"))
                .isEqualTo(Map.of("decryption", Map.of("secret-keys", List.of(key1.toString(), key2.toString()))));
        assertThat(ConfigFile.render(storage, List.of(), null, List.of())).doesNotContain("verifier");
    }

    @Test
    void declaresRestoreDestinationsWithAPasswordFileButNeverThePassword() {
        Path secret = ConfigFile.writeSecret(dir.resolve("demo.password"), "dest-pw");
        ConfigFile.Destination demo = new ConfigFile.Destination(
                "demo", DatabaseLocation.Engine.POSTGRESQL, "127.0.0.1", 5432, "postgres", secret);
        ConfigFile.Destination shop =
                new ConfigFile.Destination("shop", DatabaseLocation.Engine.MARIADB, "db.internal", 3307, "root", null);

        String yaml = ConfigFile.render(storage, List.of(), List.of(demo, shop), null, List.of());

        assertThat(yaml).doesNotContain("dest-pw").doesNotContain("targets:");
        assertThat(bulwark(yaml).get("restore"))
                .isEqualTo(Map.of(
                        "destinations",
                        Map.of(
                                "demo",
                                Map.of(
                                        "engine",
                                        "postgresql",
                                        "host",
                                        "127.0.0.1",
                                        "port",
                                        5432,
                                        "username",
                                        "postgres",
                                        "password-file",
                                        secret.toAbsolutePath().toString()),
                                "shop",
                                Map.of("engine", "mariadb", "host", "db.internal", "port", 3307, "username", "root"))));
        assertThat(ConfigFile.render(storage, List.of(), List.of(), null, List.of()))
                .doesNotContain("restore");
    }

    @Test
    void refusesADestinationWithoutASafeIdHostOrUser() {
        assertThatThrownBy(() -> new ConfigFile.Destination(
                        "Demo!", DatabaseLocation.Engine.POSTGRESQL, "h", 5432, "postgres", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ConfigFile.Destination("demo", DatabaseLocation.Engine.POSTGRESQL, " ", 5432, "u", null))
                .hasMessage("bulwark.restore.destinations.demo.host is blank");
        assertThatThrownBy(() ->
                        new ConfigFile.Destination("demo", DatabaseLocation.Engine.MARIADB, "h", 3306, null, null))
                .hasMessage("bulwark.restore.destinations.demo.username is blank");
    }

    @Test
    void quotesNamesSoThatYamlReadsThemBack() {
        TargetOptions options = TargetOptions.NONE.withIncludeSchemas(List.of("a\"b", "yes", "x: y", "[z]"));

        String yaml = ConfigFile.render(
                storage, List.of(new Target("db", DatabaseLocation.parse("postgresql://h/db"), null, options)), null);

        assertThat(target(yaml, "db").get("include-schemas")).isEqualTo(List.of("a\"b", "yes", "x: y", "[z]"));
    }

    @Test
    void refusesTableFiltersThatDoNotSuitTheEngine() {
        DatabaseLocation pg = DatabaseLocation.parse("postgresql://h/db");
        DatabaseLocation maria = DatabaseLocation.parse("mysql://u@h/db");

        assertThatThrownBy(() -> new Target("db", pg, null, TargetOptions.NONE.withIncludeTables(List.of("orders"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bulwark.targets.db.include-tables: a PostgreSQL table is named schema.table but was"
                        + " 'orders'");
        assertThatThrownBy(
                        () -> new Target("db", maria, null, TargetOptions.NONE.withExcludeTables(List.of("db.orders"))))
                .hasMessage("bulwark.targets.db.exclude-tables: a MySQL/MariaDB table is named without its database"
                        + " but was 'db.orders'");
        assertThat(new Target("db", maria, null, TargetOptions.NONE.withIncludeTables(List.of("orders")))
                        .options()
                        .includeTables())
                .containsExactly("orders");
    }

    @Test
    void refusesBlankNamesLevelsOutOfRangeAndEmptyEncryption() {
        assertThatThrownBy(() -> TargetOptions.NONE.withExcludeSchemas(List.of("ok", " ")))
                .hasMessage("exclude-schemas holds a blank name");
        assertThatThrownBy(() -> TargetOptions.NONE.withCompression(Compression.GZIP, 10))
                .hasMessage("compression-level of gzip must be 1..9 but was 10");
        assertThatThrownBy(() -> TargetOptions.NONE.withCompression(null, 0))
                .hasMessage("compression-level of zstd must be 1..19 but was 0");
        assertThatThrownBy(() -> new Encryption(List.of(), null))
                .hasMessage("encryption needs a recipient's public key or a passphrase file");
    }

    @Test
    void addsTheWebhookWhenGiven() {
        String yaml = ConfigFile.render(storage, List.of(), "http://127.0.0.1:1234/hook");

        assertThat(yaml)
                .contains(
                        "  notifier:\n    webhook:\n      url: \"http://127.0.0.1:1234/hook\"\n      allow-insecure-http: true\n");
        assertThat(yaml).doesNotContain("targets:");
    }

    @Test
    void writesSecretsReadableByTheOwnerOnly() throws Exception {
        Path file = ConfigFile.write(dir.resolve("bulwark.yml"), storage, List.of(), null, List.of(dir.resolve("k")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("bucket: \"bulwark\"").contains("secret-keys:");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bulwark(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        return (Map<String, Object>) root.get("bulwark");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSecurityFileNamesTheTokensFileNeverTheTokenAndApiTokenFilesAre0600() throws Exception {
        Path tokenFile = dir.resolve("admin.token");
        String token = ApiToken.readOrCreate(tokenFile, false);

        String yaml =
                ConfigFile.renderSecurity(List.of(new ConfigFile.ApiTokenEntry("local-admin", "admin", tokenFile)));

        List<Map<String, Object>> tokens =
                (List<Map<String, Object>>) ((Map<String, Object>) bulwark(yaml).get("security")).get("tokens");
        assertThat(tokens)
                .containsExactly(Map.of("name", "local-admin", "role", "admin", "token-file", tokenFile.toString()));
        assertThat(yaml).doesNotContain(token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(ApiToken.readOrCreate(tokenFile, true)).isEqualTo(token);
        assertThat(ApiToken.readOrCreate(tokenFile, false)).isNotEqualTo(token);
        assertThatThrownBy(() -> new ConfigFile.ApiTokenEntry("x", "root", tokenFile))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(String yaml, String id) {
        Map<String, Object> targets = (Map<String, Object>) bulwark(yaml).get("targets");
        return (Map<String, Object>) targets.get(id);
    }
}
