package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.process.ProcessRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresConnectionSpecTest {

    private final PostgresConnectionSpec spec =
            new PostgresConnectionSpec("db.local", 5433, "shop", "backup", "s3cr3t!");

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(spec.toString()).doesNotContain("s3cr3t!").contains("db.local", "5433", "shop", "backup");
    }

    @Test
    void jdbcUrlHoldsNoCredentials() {
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/shop");
        assertThat(spec.jdbcProperties(Duration.ofSeconds(5)).getProperty("password"))
                .isEqualTo("s3cr3t!");
    }

    @Test
    void toolEnvNeverCarriesThePassword() {
        assertThat(spec.toolEnv()).doesNotContainKey("PGPASSWORD").doesNotContainValue("s3cr3t!");
        assertThat(spec.toolEnv())
                .containsEntry("PGHOST", "db.local")
                .containsEntry("PGPORT", "5433")
                .containsEntry("PGDATABASE", "shop")
                .containsEntry("PGUSER", "backup");
    }

    @Test
    void pgDumpCommandKeepsThePasswordOutOfArgv() {
        PgDumpTool tool = new PgDumpTool(new ProcessRunner(), "/opt/pg_dump", Duration.ofMinutes(5));
        ProcessRunner.Command command = tool.command("/opt/pg_dump", spec, "00000003-0000001B-1");
        assertThat(command.argv())
                .containsExactly(
                        "/opt/pg_dump",
                        "--format=custom",
                        "--compress=0",
                        "--no-password",
                        "--host=db.local",
                        "--port=5433",
                        "--username=backup",
                        "--snapshot=00000003-0000001B-1",
                        "--dbname=shop");
        assertThat(command.display()).doesNotContain("s3cr3t!");
        assertThat(command.env()).doesNotContainKey("PGPASSWORD").doesNotContainValue("s3cr3t!");
        assertThat(command.privateFile().envName()).isEqualTo("PGPASSFILE");
        assertThat(command.privateFile().content()).isEqualTo("db.local:5433:*:backup:s3cr3t!\n");
        assertThat(command.toString()).doesNotContain("s3cr3t!");
        assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aDatabaseNameThatLooksLikeAConnectionStringGoesThroughTheEnvironmentOnly() {
        PgDumpTool tool = new PgDumpTool(new ProcessRunner(), "pg_dump", Duration.ofMinutes(5));
        ProcessRunner.Command command = tool.command("pg_dump", spec.withDatabase("host=evil dbname=x"), null);
        assertThat(command.argv()).noneMatch(a -> a.startsWith("--dbname") || a.startsWith("--snapshot"));
        assertThat(command.env()).containsEntry("PGDATABASE", "host=evil dbname=x");
    }

    @Test
    void redactsThePasswordFromForeignMessages() {
        assertThat(spec.redact("login s3cr3t! failed")).isEqualTo("login *** failed");
    }

    @Test
    void rejectsMissingFieldsNamingThem() {
        assertThatThrownBy(() -> new PostgresConnectionSpec("h", 0, "d", "u", null))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new PostgresConnectionSpec("h", 5432, " ", "u", null))
                .hasMessageContaining("database");
    }

    @Test
    void quotesIdentifiers() {
        assertThat(PostgresInspector.qualify("Sales", "order \"items\""))
                .isEqualTo("\"Sales\".\"order \"\"items\"\"\"");
    }

    @Test
    void passFileLineEscapesColonAndBackslashAsTheManualSays() {
        PostgresConnectionSpec odd = new PostgresConnectionSpec("::1", 5432, "db", "us:er", "p\\a:ss");
        assertThat(odd.passFileLine()).isEqualTo("\\:\\:1:5432:*:us\\:er:p\\\\a\\:ss\n");
    }

    @Test
    void withoutAPasswordNoPassFileIsWritten() {
        PostgresConnectionSpec trust = new PostgresConnectionSpec("h", 5432, "db", "u", null);
        assertThat(trust.toolCommand(java.util.List.of("psql"), Duration.ofSeconds(1))
                        .privateFile())
                .isNull();
    }
}
