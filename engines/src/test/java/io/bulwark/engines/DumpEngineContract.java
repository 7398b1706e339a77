package io.bulwark.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link DumpEngine} must do, run by each implementation against a real server (jobrunr's
 * {@code AbstractStorageProviderTest} is the model). A subclass says how to create, fill, restore into
 * and count a database of its engine; this class holds the assertions.
 *
 * <p>The sample database has the tables of {@link #SAMPLE}, each {@code (id integer primary key, note
 * text)} with {@code id} 1..N and a note of about 100 characters; {@code bulk} is big enough (about 2
 * MB) that a tool whose output nobody reads blocks on its pipe, which the timeout test relies on.
 */
public abstract class DumpEngineContract {

    /** The sample's tables and their row counts. */
    public static final Map<String, Integer> SAMPLE = sample();

    private static Map<String, Integer> sample() {
        Map<String, Integer> tables = new LinkedHashMap<>();
        tables.put("customer", 25);
        tables.put("item", 7);
        tables.put("order_line", 40);
        tables.put("empty_table", 0);
        tables.put("bulk", 20_000);
        return tables;
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    protected Path work;

    private final List<ConnectionSpec> created = new ArrayList<>();
    private ConnectionSpec source;

    /** The engine under test. */
    protected abstract DumpEngine engine();

    /**
     * Creates a fresh database holding {@code tables} (name to row count) as described above, reachable
     * with a password-protected account that may dump it.
     */
    protected abstract ConnectionSpec createSampleDatabase(Map<String, Integer> tables) throws Exception;

    /** Creates a fresh, empty database to restore into. */
    protected abstract ConnectionSpec createEmptyDatabase() throws Exception;

    /** Drops a database made by {@link #createSampleDatabase} or {@link #createEmptyDatabase}. */
    protected abstract void dropDatabase(ConnectionSpec database) throws Exception;

    /**
     * Restores the dump in {@code dump} into {@code target} with the engine's restore tool.
     *
     * @throws AssertionError when the restore fails
     */
    protected abstract void restore(Path dump, ConnectionSpec target) throws Exception;

    /** {@code SELECT count(*)} of every table of {@code database} (the engine's user tables), by name. */
    protected abstract Map<String, Long> countRows(ConnectionSpec database) throws Exception;

    /** The schema part of the inventory's tables: {@code public} on PostgreSQL, the database on MySQL. */
    protected abstract String schemaOf(ConnectionSpec database);

    /** The name of a sample table in a {@link DumpOptions} table filter. */
    protected abstract String filterName(ConnectionSpec database, String table);

    @BeforeEach
    void createSource() throws Exception {
        source = track(createSampleDatabase(SAMPLE));
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (ConnectionSpec spec : created) {
            dropDatabase(spec);
        }
    }

    /** The sample database of the current test. */
    protected ConnectionSpec source() {
        return source;
    }

    @Test
    void dumpsEveryTableWithExactCountsAndTheDumpRestoresWithTheSameCounts() throws Exception {
        Path dump = work.resolve("dump." + engine().fileExtension());
        SchemaInventory inventory = dumpTo(source, DumpOptions.everything(TIMEOUT), dump);

        assertThat(Files.size(dump)).isPositive();
        assertThat(inventory.tables()).containsExactlyInAnyOrderElementsOf(expectedTables(SAMPLE.keySet()));
        ConnectionSpec target = track(createEmptyDatabase());
        restore(dump, target);
        assertThat(countRows(target)).containsExactlyInAnyOrderEntriesOf(expectedCounts(SAMPLE.keySet()));
    }

    @Test
    protected void honoursIncludedTablesInTheDumpAndTheInventory() throws Exception {
        List<String> included = List.of("customer", "item");
        DumpOptions options = new DumpOptions(
                null, null, included.stream().map(t -> filterName(source, t)).toList(), null, TIMEOUT);
        assertFilterHonoured(options, included);
    }

    @Test
    protected void honoursExcludedTablesInTheDumpAndTheInventory() throws Exception {
        DumpOptions options = new DumpOptions(
                null, null, null, List.of(filterName(source, "bulk"), filterName(source, "order_line")), TIMEOUT);
        assertFilterHonoured(options, List.of("customer", "item", "empty_table"));
    }

    /** Dumps with {@code options}, checks the inventory lists exactly {@code expected}, restores and counts. */
    protected void assertFilterHonoured(DumpOptions options, List<String> expected) throws Exception {
        Path dump = work.resolve("filtered." + engine().fileExtension());
        SchemaInventory inventory = dumpTo(source, options, dump);

        assertThat(inventory.tables()).containsExactlyInAnyOrderElementsOf(expectedTables(expected));
        ConnectionSpec target = track(createEmptyDatabase());
        restore(dump, target);
        assertThat(countRows(target)).containsExactlyInAnyOrderEntriesOf(expectedCounts(expected));
    }

    @Test
    void aWrongPasswordFailsAsAuthenticationFailedWithoutShowingIt() {
        String wrong = "wrong-pw-" + System.nanoTime();
        ConnectionSpec bad =
                new ConnectionSpec(source.host(), source.port(), source.database(), source.username(), wrong);
        assertThatThrownBy(() ->
                        engine().open(bad, DumpOptions.everything(TIMEOUT)).close())
                .isInstanceOfSatisfying(DumpFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(source.password());
                });
    }

    @Test
    void aMissingDatabaseFailsAsDatabaseMissing() {
        String name = "bulwark_missing_" + Long.toHexString(System.nanoTime());
        ConnectionSpec missing =
                new ConnectionSpec(source.host(), source.port(), name, source.username(), source.password());
        assertThatThrownBy(() ->
                        engine().open(missing, DumpOptions.everything(TIMEOUT)).close())
                .isInstanceOfSatisfying(DumpFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.DATABASE_MISSING);
                    assertThat(e.getMessage()).contains(name).doesNotContain(source.password());
                });
    }

    @Test
    void aClosedPortFailsAsConnectionRefused() {
        ConnectionSpec closed = new ConnectionSpec("127.0.0.1", closedPort(), "x", "nobody", "pw-secret-closed");
        assertThatThrownBy(() ->
                        engine().open(closed, DumpOptions.everything(TIMEOUT)).close())
                .isInstanceOfSatisfying(DumpFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
                    assertThat(e.getMessage()).doesNotContain("pw-secret-closed");
                });
    }

    @Test
    void aDumpThatOutlivesItsTimeoutIsKilledAndFailsAsTimeout() throws Exception {
        DumpSession session = engine().open(source, DumpOptions.everything(Duration.ofSeconds(3)));
        try {
            // nobody reads stdout: the tool blocks on its full pipe until the timeout kills it
            long started = System.nanoTime();
            assertThatThrownBy(session::awaitSuccess).isInstanceOfSatisfying(DumpFailedException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
                assertThat(e.getMessage()).doesNotContain(source.password());
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        } finally {
            session.close();
        }
        assertThat(awaitTools(session.toolName(), false))
                .as("tool processes left")
                .isEmpty();
    }

    @Test
    void thePasswordIsNeverInTheToolsArgumentList() throws Exception {
        try (DumpSession session = engine().open(source, DumpOptions.everything(TIMEOUT))) {
            List<ProcessHandle> tools = awaitTools(session.toolName(), true);
            assertThat(tools).as("the dump tool runs").isNotEmpty();
            for (ProcessHandle tool : tools) {
                assertThat(tool.info().commandLine().orElse("")).doesNotContain(source.password());
                assertThat(tool.info().arguments().map(List::of).orElse(List.of()))
                        .noneMatch(a -> a.contains(source.password()));
            }
            try (InputStream out = session.stdout()) {
                out.transferTo(java.io.OutputStream.nullOutputStream());
            }
            session.awaitSuccess();
            assertThat(session.stderr()).doesNotContain(source.password());
        }
    }

    /** Dumps {@code spec} into {@code file} and returns the session's inventory. */
    protected SchemaInventory dumpTo(ConnectionSpec spec, DumpOptions options, Path file) {
        try (DumpSession session = engine().open(spec, options)) {
            try (InputStream out = session.stdout()) {
                Files.copy(out, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session.awaitSuccess();
            assertThat(session.rowCountMethod()).isNotBlank();
            assertThat(session.serverVersionNum()).isPositive();
            return session.inventory();
        }
    }

    /** Remembers {@code spec} so that its database is dropped after the test. */
    protected ConnectionSpec track(ConnectionSpec spec) {
        created.add(spec);
        return spec;
    }

    private List<TableInfo> expectedTables(Iterable<String> names) {
        List<TableInfo> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new TableInfo(schemaOf(source), name, SAMPLE.get(name)));
        }
        return tables;
    }

    private static Map<String, Long> expectedCounts(Iterable<String> names) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : names) {
            counts.put(name, SAMPLE.get(name).longValue());
        }
        return counts;
    }

    /**
     * The live descendants of this JVM whose program is {@code toolName}, polled for up to 10 s until
     * there are some ({@code present}) or none.
     */
    private static List<ProcessHandle> awaitTools(String toolName, boolean present) throws InterruptedException {
        List<ProcessHandle> tools = List.of();
        for (int i = 0; i < 500; i++) {
            tools = ProcessHandle.current()
                    .descendants()
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> c.endsWith("/" + toolName) || c.equals(toolName))
                            .orElse(false))
                    .toList();
            if (tools.isEmpty() != present) {
                return tools;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return tools;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
