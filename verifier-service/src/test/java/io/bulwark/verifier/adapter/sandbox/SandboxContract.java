package io.bulwark.verifier.adapter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.IndexFindings;
import io.bulwark.engines.InspectEngine.QueryAnswer;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.pipeline.Inspection;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sandbox} and {@link SandboxProvider} must do, whatever its kind and engine, asserted through the
 * ports the pipeline uses: the sandbox's {@link Sandbox#restoreEngine() restore engine} restores into its {@link
 * Sandbox#database() database}, and its {@link Sandbox#inspection inspection} reads what was restored.
 *
 * <p>A subclass (one per kind and engine, in the kind's package) provides the provider under test, the request, a dump
 * of the tiny source database ({@link TinySources}: table {@code parent} with 2 rows, table {@code child} with 3
 * rows, a foreign key child to parent and an auto-incremented key in each) made with the engine's dump tool, and a
 * check that a closed sandbox left nothing behind. The tests are public so that subclasses in other packages inherit
 * them.
 */
public abstract class SandboxContract {

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

    /** Asserts that {@code closed}, already closed, left no directory, database, container or process behind. */
    protected abstract void assertNothingLeft(Sandbox closed) throws Exception;

    /**
     * Restores {@code archive} into {@code sandbox}'s database as a verification does: whole and streamed, through
     * the sandbox's restore engine.
     */
    protected static RestoreOutcome restore(Sandbox sandbox, byte[] archive) {
        return sandbox.restoreEngine()
                .restore(new ByteArrayInputStream(archive), sandbox.database(), RestoreOptions.whole(TIMEOUT));
    }

    /** {@link #restore}, asserting that it succeeded. */
    protected static void restored(Sandbox sandbox, byte[] archive) {
        RestoreOutcome outcome = restore(sandbox, archive);
        assertThat(outcome.succeeded())
                .as("restore: %s", outcome.failureDetail())
                .isTrue();
    }

    @Test
    public void startGivesASandboxOfTheRequestsEngineWithAnEmptyDatabase() throws Exception {
        try (Sandbox sandbox = provider().start(request())) {
            assertThat(sandbox.serverVersion()).isNotBlank();
            RestoreEngine engine = sandbox.restoreEngine();
            assertThat(engine.engine()).isEqualTo(request().engine());
            ConnectionSpec database = sandbox.database();
            DatabaseState state = engine.databaseState(database, database.database());
            assertThat(state.exists()).as("database %s", database.database()).isTrue();
            assertThat(state.empty())
                    .as("database %s holds %s", database.database(), state)
                    .isTrue();
            try (Inspection inspection = sandbox.inspection(request().sourceDatabase())) {
                assertThat(inspection.inventory().tables()).isEmpty();
            }
        }
    }

    @Test
    public void theDumpsHeadIsReadWithTheSandboxsOwnTool() {
        try (Sandbox sandbox = provider().start(request())) {
            RestoreEngine engine = sandbox.restoreEngine();
            byte[] head = Arrays.copyOf(dump(), Math.min(dump().length, engine.headBytes()));

            ArchiveHead read = engine.readHead(head, TIMEOUT);

            assertThat(read.readableHead()).as("the head: %s", read).isTrue();
            assertThat(read.summary()).isNotBlank();
        }
    }

    @Test
    public void aDumpRestoresAndItsInventoryHasTheExactCounts() {
        try (Sandbox sandbox = provider().start(request())) {
            RestoreOutcome outcome = restore(sandbox, dump());

            assertThat(outcome.succeeded())
                    .as("restore: %s", outcome.failureDetail())
                    .isTrue();
            assertThat(outcome.tool()).isEqualTo(sandbox.restoreEngine().toolName());
            assertThat(outcome.selection()).as("a whole restore").isNull();
            try (Inspection inspection = sandbox.inspection(request().sourceDatabase())) {
                Map<String, Long> rows = new TreeMap<>();
                for (TableInfo table : inspection.inventory().tables()) {
                    rows.put(table.qualifiedName(), table.rows());
                }
                assertThat(rows)
                        .containsExactlyInAnyOrderEntriesOf(
                                Map.of(tableNames().get(0), 2L, tableNames().get(1), 3L));
            }
        }
    }

    @Test
    public void everyInspectionAnswersOnTheRestoredDatabase() {
        try (Sandbox sandbox = provider().start(request())) {
            restored(sandbox, dump());

            try (Inspection inspection = sandbox.inspection(request().sourceDatabase())) {
                List<ForeignKeyOrphans> orphans = inspection.foreignKeyOrphans();
                assertThat(orphans).singleElement().satisfies(key -> {
                    assertThat(key.constraint()).startsWith(tableNames().get(1) + ".");
                    assertThat(key.orphans()).isZero();
                });

                IndexFindings indexes = inspection.checkIndexes();
                assertThat(indexes.failures()).isEmpty();
                if (indexes.notRunReason() == null) {
                    assertThat(indexes.checked()).isPositive();
                }

                List<SequencePosition> sequences = inspection.sequences();
                assertThat(sequences).hasSize(2);
                assertThat(sequences).noneMatch(SequencePosition::behind);
                assertThat(sequences).allSatisfy(s -> assertThat(s.nextValue()).isGreaterThan(s.columnMax()));

                assertThat(inspection.query("SELECT count(*) FROM child")).isEqualTo(new QueryAnswer("3", null));
                QueryAnswer bad = inspection.query("SELECT no_such_column FROM child");
                assertThat(bad.value()).isNull();
                assertThat(bad.error()).isNotBlank();
            }
        }
    }

    @Test
    public void closeRemovesEverythingAndIsIdempotent() throws Exception {
        Sandbox sandbox = provider().start(request());
        restored(sandbox, dump());

        sandbox.close();

        assertNothingLeft(sandbox);
        assertThatCode(sandbox::close).doesNotThrowAnyException();
        assertNothingLeft(sandbox);
    }

    @Test
    public void aGarbageArchiveIsAFailedRestoreNotAnException() {
        try (Sandbox sandbox = provider().start(request())) {
            byte[] garbage =
                    "this is not a dump at all\n\u0000\u0001\u0002 GARBAGE ;;; SELEC".getBytes(StandardCharsets.UTF_8);

            RestoreOutcome outcome = restore(sandbox, garbage);

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.failureDetail()).isNotBlank();
        }
    }
}
