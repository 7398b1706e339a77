package io.bulwark.engines.mariadb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Filters a {@code mariadb-dump} SQL stream (one database, without {@code --databases}) down to some tables,
 * as it is read: what comes out restores those tables and nothing else when fed to the {@code mariadb}
 * client, without the whole dump being restored or stored anywhere first.
 *
 * <p>The dump is split into statements by {@link SqlDumpScanner} ({@link
 * SqlDumpScanner#feedToStatementEnd}), exactly as the {@code mariadb} client splits them, {@code DELIMITER}
 * blocks, quotes and executable comments included; each statement, with the comments before it, is passed
 * through whole or left out whole, by what its first bytes say ({@link SqlStatement}):
 *
 * <ul>
 *   <li>passed: session statements ({@code SET ...}, also inside executable comments such as {@code
 *       /*!40101 SET NAMES utf8mb4 *}{@code /}), {@code DELIMITER} commands (so the client reads the blocks
 *       that follow the same way) and comment-only text: the dump's header and footer;
 *   <li>passed for a selected table: {@code DROP TABLE IF EXISTS}, {@code CREATE TABLE}, {@code LOCK TABLES}
 *       and the {@code UNLOCK TABLES} after it, {@code ALTER TABLE ... DISABLE/ENABLE KEYS}, {@code INSERT}s,
 *       and every {@code CREATE TRIGGER ... ON} it; a selected sequence's {@code DROP SEQUENCE}, {@code
 *       CREATE SEQUENCE} and {@code SETVAL};
 *   <li>left out: every statement of other tables, views (their placeholder included), procedures,
 *       functions, events, {@code ALTER DATABASE}, and any statement not recognised.
 * </ul>
 *
 * Table names are bare (the dump holds no database qualifier) and matched exactly, case-sensitively, as
 * MariaDB on Linux matches them ({@code lower_case_table_names=0}).
 *
 * <p>Memory is bounded: a statement is held back until its first {@value #HEAD_BYTES} bytes are read (or it
 * ends before), which is enough to classify it; the rest, a multi-megabyte {@code INSERT} say, streams
 * through or is skipped without being held. A passed {@code CREATE TABLE} is also copied, up to {@value
 * #MAX_CREATE_TABLE_BYTES} bytes, to read its foreign keys when it ends. The rows passed are counted by a
 * second {@link SqlDumpScanner} on the output. Marks are not supported; not thread-safe, like any stream.
 */
public final class SqlDumpSelection extends InputStream {

    /** How much of a statement is read before it is classified, in bytes. */
    public static final int HEAD_BYTES = 64 * 1024;

    /** The longest {@code CREATE TABLE} of a selected table read for its foreign keys, in bytes. */
    public static final int MAX_CREATE_TABLE_BYTES = 16 * 1024 * 1024;

    private static final int CHUNK_BYTES = 64 * 1024;

    /**
     * What was passed.
     *
     * @param tables the selected tables (and sequences) the dump created, in dump order
     * @param rowCounts for each of {@code tables}, the rows ({@code INSERT} tuples) passed
     * @param danglingForeignKeys the foreign keys of passed tables whose referenced table was not passed:
     *     MariaDB keeps them (the dump runs with {@code FOREIGN_KEY_CHECKS=0}), so they are left dangling
     */
    public record Report(
            List<String> tables, Map<String, Long> rowCounts, List<DanglingForeignKey> danglingForeignKeys) {

        public Report {
            tables = List.copyOf(tables);
            rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
            danglingForeignKeys = List.copyOf(danglingForeignKeys);
        }
    }

    /**
     * A foreign key of a restored table that references a table not restored.
     *
     * @param constraint the constraint's name (null when it has none)
     * @param table the restored table that holds it
     * @param referencedTable the table it references, not restored
     */
    public record DanglingForeignKey(String constraint, String table, String referencedTable) {}

    private enum Mode {
        HEAD,
        PASS,
        DROP
    }

    private final InputStream in;
    private final Set<String> selected;
    private final SqlDumpScanner splitter = new SqlDumpScanner();
    private final SqlDumpScanner output = new SqlDumpScanner();
    private final byte[] input = new byte[CHUNK_BYTES];
    private int inputPosition;
    private int inputLimit;
    private byte[] head = new byte[HEAD_BYTES];
    private int headLength;
    private byte[] pending = new byte[HEAD_BYTES];
    private int pendingPosition;
    private int pendingLength;
    private Mode mode = Mode.HEAD;
    private ByteArrayOutputStream createTable;
    private String createTableName;
    private boolean lockPassed;
    private boolean ended;
    private final Set<String> dumpTables = new TreeSet<>();
    private final Set<String> passedTables = new LinkedHashSet<>();
    private final Map<String, List<SqlStatement.ForeignKey>> foreignKeys = new LinkedHashMap<>();
    private final byte[] single = new byte[1];

    /**
     * @param dump the decoded dump, read to its end (not closed before {@link #close()})
     * @param tables the tables to pass, bare names, matched exactly
     * @throws IllegalArgumentException when {@code tables} is empty or holds a blank name
     */
    public SqlDumpSelection(InputStream dump, Set<String> tables) {
        this.in = Objects.requireNonNull(dump, "dump");
        if (tables.isEmpty() || tables.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("select at least one table, by its non-blank name: " + tables);
        }
        this.selected = Set.copyOf(tables);
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (pendingLength > 0) {
                int n = Math.min(length, pendingLength);
                System.arraycopy(pending, pendingPosition, buffer, offset, n);
                pendingPosition += n;
                pendingLength -= n;
                return n;
            }
            if (ended) {
                return -1;
            }
            if (inputPosition == inputLimit && !fill()) {
                endOfInput();
                continue;
            }
            int available = inputLimit - inputPosition;
            long statements = splitter.statements();
            switch (mode) {
                case HEAD -> {
                    int n = splitter.feedToStatementEnd(
                            input, inputPosition, Math.min(available, HEAD_BYTES - headLength));
                    System.arraycopy(input, inputPosition, head, headLength, n);
                    headLength += n;
                    inputPosition += n;
                    boolean complete = splitter.statements() != statements;
                    if (complete || headLength == HEAD_BYTES) {
                        decide(complete);
                    }
                }
                case PASS -> {
                    int n = splitter.feedToStatementEnd(input, inputPosition, Math.min(available, length));
                    System.arraycopy(input, inputPosition, buffer, offset, n);
                    passed(input, inputPosition, n);
                    inputPosition += n;
                    if (splitter.statements() != statements) {
                        statementEnded();
                    }
                    return n;
                }
                case DROP -> {
                    inputPosition += splitter.feedToStatementEnd(input, inputPosition, available);
                    if (splitter.statements() != statements) {
                        mode = Mode.HEAD;
                    }
                }
            }
        }
    }

    /** Reads more of the dump; false at its end. */
    private boolean fill() throws IOException {
        int n = in.read(input, 0, input.length);
        while (n == 0) {
            n = in.read(input, 0, input.length);
        }
        inputPosition = 0;
        inputLimit = Math.max(n, 0);
        return n > 0;
    }

    /** Classifies the statement held in {@code head} and passes or drops it. */
    private void decide(boolean complete) throws IOException {
        SqlStatement.Classified statement = SqlStatement.classify(head, headLength);
        boolean pass = switch (statement.kind()) {
            case SESSION -> true;
            case UNLOCK -> {
                boolean unlock = lockPassed;
                lockPassed = false;
                yield unlock;
            }
            case LOCK -> lockPassed = selected.contains(statement.table());
            case CREATE_TABLE -> {
                dumpTables.add(statement.table());
                boolean wanted = selected.contains(statement.table());
                if (wanted) {
                    passedTables.add(statement.table());
                    createTable = new ByteArrayOutputStream();
                    createTableName = statement.table();
                }
                yield wanted;
            }
            case TABLE -> selected.contains(statement.table());
            case OTHER -> false;
        };
        if (pass) {
            byte[] swap = pending;
            pending = head;
            head = swap;
            pendingPosition = 0;
            pendingLength = headLength;
            passed(pending, 0, pendingLength);
        }
        headLength = 0;
        if (complete) {
            statementEnded();
        } else {
            mode = pass ? Mode.PASS : Mode.DROP;
        }
    }

    /** Counts bytes that go out, and copies those of a passed {@code CREATE TABLE}. */
    private void passed(byte[] bytes, int offset, int length) throws IOException {
        output.feed(bytes, offset, length);
        if (createTable != null) {
            if (createTable.size() + length > MAX_CREATE_TABLE_BYTES) {
                throw new IOException("the CREATE TABLE statement of `" + createTableName + "` is longer than "
                        + MAX_CREATE_TABLE_BYTES + " bytes; its foreign keys cannot be read");
            }
            createTable.write(bytes, offset, length);
        }
    }

    private void statementEnded() {
        mode = Mode.HEAD;
        if (createTable != null) {
            byte[] statement = createTable.toByteArray();
            foreignKeys.put(createTableName, SqlStatement.foreignKeys(statement, statement.length));
            createTable = null;
            createTableName = null;
        }
    }

    private void endOfInput() throws IOException {
        splitter.finish();
        if (mode == Mode.HEAD && headLength > 0) {
            decide(true);
        } else {
            statementEnded();
        }
        output.finish();
        ended = true;
    }

    /**
     * What was passed, once the stream was read to its end.
     *
     * @throws IllegalStateException before the end of the stream was read
     * @throws IllegalArgumentException naming the selected tables the dump never created, and listing
     *     those it did create (up to 50)
     */
    public Report report() {
        if (!ended) {
            throw new IllegalStateException("the dump has not been read to its end");
        }
        Set<String> missing = new TreeSet<>(selected);
        missing.removeAll(passedTables);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not in the dump: " + String.join(", ", missing)
                    + "; it creates the tables "
                    + String.join(", ", dumpTables.stream().limit(50).toList())
                    + (dumpTables.size() > 50 ? " and " + (dumpTables.size() - 50) + " more" : ""));
        }
        Map<String, Long> counts = output.rowCounts();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<DanglingForeignKey> dangling = new ArrayList<>();
        for (String table : passedTables) {
            rows.put(table, counts.getOrDefault(table, 0L));
            for (SqlStatement.ForeignKey key : foreignKeys.getOrDefault(table, List.of())) {
                if (!passedTables.contains(key.referencedTable())) {
                    dangling.add(new DanglingForeignKey(key.constraint(), table, key.referencedTable()));
                }
            }
        }
        return new Report(List.copyOf(passedTables), rows, dangling);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
