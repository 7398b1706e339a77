package io.bulwark.verifier.adapter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.pipeline.rules.VerificationRules.ForeignKeyOrphans;
import io.bulwark.pipeline.rules.VerificationRules.IndexFindings;
import io.bulwark.pipeline.rules.VerificationRules.SequenceState;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.Sandbox.QueryResult;
import io.bulwark.verifier.application.Sandbox.RestoreResult;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sandbox} and {@link SandboxProvider} must do, whatever its kind and engine. A subclass provides
 * the provider under test, the request, a dump of the tiny source database (table {@code parent} with 2 rows, table
 * {@code child} with 3 rows, a foreign key child to parent and an auto-incremented key in each) made with the
 * engine's dump tool, and a check that a closed sandbox left nothing behind.
 */
abstract class SandboxContract {

    /** How long a restore of the tiny dump may take. */
    protected static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The provider under test. */
    protected abstract SandboxProvider provider();

    /** The request every test starts a sandbox for. */
    protected abstract SandboxRequest request();

    /** The dump of the tiny source database, as the engine's dump tool wrote it. */
    protected abstract byte[] dump();

    /** The qualified names of the tiny source's tables {@code parent} and {@code child}, as the inventory names them. */
    protected abstract List<String> tableNames();

    /** Asserts that {@code closed}, already closed, left no directory, database or process behind. */
    protected abstract void assertNothingLeft(Sandbox closed) throws Exception;

    @Test
    void startGivesASandboxWithTheServersVersion() {
        try (Sandbox sandbox = provider().start(request())) {
            assertThat(sandbox.serverVersion()).isNotBlank();
        }
    }

    @Test
    void aDumpRestoresAndItsInventoryHasTheExactCounts() {
        try (Sandbox sandbox = provider().start(request())) {
            RestoreResult result = sandbox.restore(new ByteArrayInputStream(dump()), TIMEOUT);

            assertThat(result.succeeded())
                    .as("restore: %s", result.failureDetail())
                    .isTrue();
            assertThat(result.failureDetail()).isNull();
            assertThat(result.tool()).isNotBlank();
            SchemaInventory inventory = sandbox.inventory();
            Map<String, Long> rows = new TreeMap<>();
            for (TableInfo table : inventory.tables()) {
                rows.put(table.qualifiedName(), table.rows());
            }
            assertThat(rows)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(tableNames().get(0), 2L, tableNames().get(1), 3L));
        }
    }

    @Test
    void everyQueryMethodAnswersOnTheRestoredDatabase() {
        try (Sandbox sandbox = provider().start(request())) {
            assertThat(sandbox.restore(new ByteArrayInputStream(dump()), TIMEOUT)
                            .succeeded())
                    .isTrue();

            List<ForeignKeyOrphans> orphans = sandbox.foreignKeyOrphans();
            assertThat(orphans).hasSize(1);
            assertThat(orphans.getFirst().orphanRows()).isZero();

            IndexFindings indexes = sandbox.checkIndexes();
            assertThat(indexes.failures()).isEmpty();
            if (indexes.notRunReason() == null) {
                assertThat(indexes.checked()).isPositive();
            }

            List<SequenceState> sequences = sandbox.sequences();
            assertThat(sequences).hasSize(2);
            assertThat(sequences).allSatisfy(s -> assertThat(s.nextValue()).isGreaterThan(s.columnMax()));

            assertThat(sandbox.query("SELECT count(*) FROM child")).isEqualTo(new QueryResult("3", null));
            QueryResult bad = sandbox.query("SELECT no_such_column FROM child");
            assertThat(bad.value()).isNull();
            assertThat(bad.error()).isNotBlank();
        }
    }

    @Test
    void closeRemovesEverythingAndIsIdempotent() throws Exception {
        Sandbox sandbox = provider().start(request());
        assertThat(sandbox.restore(new ByteArrayInputStream(dump()), TIMEOUT).succeeded())
                .isTrue();

        sandbox.close();

        assertNothingLeft(sandbox);
        assertThatCode(sandbox::close).doesNotThrowAnyException();
        assertNothingLeft(sandbox);
    }

    @Test
    void aGarbageArchiveIsAFailedRestoreNotAnException() {
        try (Sandbox sandbox = provider().start(request())) {
            byte[] garbage =
                    "this is not a dump at all\n\u0000\u0001\u0002 GARBAGE ;;; SELEC".getBytes(StandardCharsets.UTF_8);

            RestoreResult result = sandbox.restore(new ByteArrayInputStream(garbage), TIMEOUT);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureDetail()).isNotBlank();
        }
    }
}
