package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.localstack.PostgresLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void namesOneDatabasePerScale() {
        assertThat(PgbenchDatabase.name(50)).isEqualTo("bulwark_bench_s50");
    }

    @Test
    void initializesQuietlyAtTheScaleWithAGenerousTimeoutAndThePasswordInTheEnvironment() {
        PgbenchDatabase dbs = new PgbenchDatabase(
                PostgresLocation.parse("postgresql://bench:s3cret@db.internal:6432/postgres"),
                new ProcessRunner(),
                "/usr/lib/postgresql/17/bin/pgbench");

        ProcessRunner.Command c = dbs.initCommand(50);

        assertThat(c.argv())
                .containsExactly("/usr/lib/postgresql/17/bin/pgbench", "-i", "-s", "50", "-q", "bulwark_bench_s50");
        assertThat(c.env())
                .containsEntry("PGHOST", "db.internal")
                .containsEntry("PGPORT", "6432")
                .containsEntry("PGUSER", "bench")
                .doesNotContainKey("PGPASSWORD");
        assertThat(c.privateFile().content()).isEqualTo("db.internal:6432:*:bench:s3cret\n");
        assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(10).plusSeconds(1500));
        assertThat(PgbenchDatabase.initTimeout(1000)).isGreaterThan(Duration.ofHours(8));
    }

    @Test
    void takesThePgbenchNextToThePgDumpItUsesWhenThereIsOne() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("17/bin"));
        Path pgbench = Files.createFile(bin.resolve("pgbench"));
        Files.setPosixFilePermissions(pgbench, PosixFilePermissions.fromString("rwx------"));

        assertThat(PgbenchDatabase.pgbenchNextTo(bin.resolve("pg_dump").toString()))
                .isEqualTo(pgbench.toString());
        assertThat(PgbenchDatabase.pgbenchNextTo(dir.resolve("none/pg_dump").toString()))
                .isEqualTo("pgbench");
        assertThat(PgbenchDatabase.pgbenchNextTo("pg_dump")).isEqualTo("pgbench");
    }
}
