package io.bulwark.engines.postgres;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a partial restore of a {@code pg_dump} custom-format archive: which table-of-contents entries to
 * restore for some schemas and tables, as a use-list for {@code pg_restore -L}, computed from the head of
 * the archive alone (its first bytes hold the header and the whole table of contents, with every entry's
 * definition).
 *
 * <p>Why a use-list: {@code pg_restore -t table} restores the table's definition and data only; "while
 * pg_dump's -t flag will also dump subsidiary objects (such as indexes) of the selected table(s),
 * pg_restore's -t flag does not include such subsidiary objects" (pg_restore manual page, {@code -t}).
 * {@code -L list-file} restores exactly the entries the file lists, {@code ;} commenting one out (manual
 * page, {@code -L}). The list keeps the archive's order: an archive read from a pipe cannot be read out of
 * order ({@code pg_backup_custom.c}: "possibly due to out-of-order restore request, which cannot be handled
 * due to non-seekable input").
 *
 * <p>How: {@code pg_restore --list --verbose} gives each entry's kind and the entries it depends on, and
 * {@code pg_restore --schema-only --verbose --file=-} each entry's name, schema and SQL; both read the
 * head from stdin, need no data (verified with PostgreSQL 15: a head cut right after the table of contents
 * lists and prints the same as the whole archive) and connect to no server. Which entries are kept:
 *
 * <ul>
 *   <li>a selected table, with its {@code TABLE DATA}, {@code DEFAULT}s, constraints ({@code CONSTRAINT},
 *       {@code CHECK CONSTRAINT}), indexes, triggers, rules, policies, {@code ROW SECURITY}, statistics
 *       objects ({@code STATISTICS}, {@code STATISTICS DATA}) and comments; its {@code FK CONSTRAINT}s
 *       when the referenced table is restored too, else they are left out and reported ({@link
 *       PgRestorePlan#foreignKeysLeftOut()});
 *   <li>a selected partitioned table brings its partitions (recursively) and their {@code TABLE ATTACH}
 *       and {@code INDEX ATTACH} entries; a partition selected alone is restored as a table of its own
 *       (its {@code TABLE ATTACH} is left out);
 *   <li>a restored table brings the tables its definition cannot be created without: {@code INHERITS}
 *       parents and tables whose row type a column uses;
 *   <li>the sequences a restored table owns (serial and identity columns) or whose {@code nextval} its
 *       defaults call, with {@code SEQUENCE SET} (the current value) and, when the owning table is restored,
 *       {@code SEQUENCE OWNED BY};
 *   <li>every {@code EXTENSION}; the {@code SCHEMA} of every restored object; every schema-level definition
 *       ({@code TYPE}, {@code DOMAIN}, {@code FUNCTION}, {@code PROCEDURE}, {@code AGGREGATE}, {@code
 *       COLLATION}, operators, text search...) of a schema holding a restored relation; and whatever
 *       definitions restored entries depend on in other schemas (an enum, a domain, a trigger's function);
 *   <li>selecting a schema selects every relation of it (tables, views, materialized views with their data,
 *       sequences) and every other object in it;
 *   <li>left out: views and materialized views of a table selection, other tables, large objects ({@code
 *       BLOB}, {@code BLOBS}), {@code ACL} and {@code DEFAULT ACL} (restores run with {@code --no-owner
 *       --no-privileges}), publications, subscriptions, event triggers, {@code DATABASE} entries; and any
 *       entry that depends on something not restored (reported in {@link PgRestorePlan#leftOut()}).
 * </ul>
 *
 * Thread-safe: each call runs its own processes.
 */
public final class PgArchiveSelection {

    private static final String END_OF_FILE = "end of file";

    private static final Set<String> SCHEMA_DEFINITIONS = Set.of(
            "TYPE",
            "SHELL TYPE",
            "DOMAIN",
            "FUNCTION",
            "PROCEDURE",
            "AGGREGATE",
            "COLLATION",
            "CONVERSION",
            "OPERATOR",
            "OPERATOR CLASS",
            "OPERATOR FAMILY");

    private final ProcessRunner runner;
    private final String program;

    /**
     * @param runner runs {@code pg_restore}
     * @param binDir directory holding {@code pg_restore}, or null to take it from the {@code PATH}; use the
     *     one that will restore the archive
     */
    public PgArchiveSelection(ProcessRunner runner, Path binDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.program =
                binDir == null ? "pg_restore" : binDir.resolve("pg_restore").toString();
    }

    /**
     * The plan of restoring {@code schemas} and {@code tables} from the archive whose first bytes are
     * {@code head}.
     *
     * @param head the first bytes of the decoded archive; they must hold its whole table of contents
     * @param schemas schema names to restore whole (exact, case-sensitive); may be empty
     * @param tables tables to restore, {@code schema.table} (split at the first dot) or {@code table} for
     *     {@code public.table} (exact, case-sensitive); may be empty, but not together with {@code schemas}
     * @param timeout how long each {@code pg_restore} run may take before it is killed
     * @throws IllegalArgumentException when nothing is selected, when a selected table or schema is not in
     *     the archive (the message names it and lists what the archive holds), when a selected table cannot
     *     be restored because something it needs is not in the selection, or when {@code head} ends before
     *     the table of contents does
     * @throws IllegalStateException when {@code pg_restore} fails otherwise or times out, with its message
     * @throws io.bulwark.engines.process.ToolMissingException when {@code pg_restore} is not installed
     */
    public PgRestorePlan plan(byte[] head, Set<String> schemas, Set<String> tables, Duration timeout) {
        Objects.requireNonNull(head, "head");
        requireSelection(schemas, tables);
        String listing = run(head, timeout, "--list", "--verbose");
        String definitions = run(head, timeout, "--schema-only", "--verbose", "--file=-");
        return plan(listing, definitions, schemas, tables);
    }

    /**
     * The plan computed from the outputs of {@code pg_restore --list --verbose} and {@code pg_restore
     * --schema-only --verbose --file=-} on the archive.
     *
     * @throws IllegalArgumentException as {@link #plan(byte[], Set, Set, Duration)}
     */
    static PgRestorePlan plan(String listing, String definitions, Set<String> schemas, Set<String> tables) {
        requireSelection(schemas, tables);
        PgToc toc = new PgToc(PgTocParser.parse(listing, definitions));
        Set<PgTocEntry> selectedTables = new HashSet<>();
        Set<String> missing = new TreeSet<>();
        for (String table : tables) {
            String[] name = splitTable(table);
            PgTocEntry entry = toc.table(name[0], name[1]);
            if (entry == null) {
                missing.add("table " + name[0] + "." + name[1]);
            } else {
                selectedTables.add(entry);
            }
        }
        for (String schema : schemas) {
            boolean present = toc.entries().stream()
                    .anyMatch(e -> schema.equals(e.schema()) || (e.is("SCHEMA") && schema.equals(e.name())));
            if (!present) {
                missing.add("schema " + schema);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "not in the archive: " + String.join(", ", missing) + "; " + holdings(toc));
        }
        Set<PgTocEntry> seeds = new HashSet<>();
        List<PgTocEntry> work = new ArrayList<>(selectedTables);
        while (!work.isEmpty()) {
            PgTocEntry table = work.removeFirst();
            if (seeds.add(table)) {
                work.addAll(toc.partitions(table));
            }
        }
        for (PgTocEntry e : toc.entries()) {
            if (e.schema() != null && schemas.contains(e.schema()) && isDefinition(e)) {
                seeds.add(e);
            }
        }
        PgTocSelector.Choice choice = new PgTocSelector(toc).choose(seeds, selectedTables, Set.copyOf(schemas));
        PgRestoredObjects objects = new PgRestoredObjects(toc, choice.kept());
        StringBuilder useList =
                new StringBuilder(";\n; Bulwark partial restore: entries not restored are commented out\n;\n");
        for (PgTocEntry e : toc.entries()) {
            useList.append(choice.kept().contains(e) ? "" : ";")
                    .append(e.listLine())
                    .append('\n');
        }
        return new PgRestorePlan(
                useList.toString(),
                List.copyOf(objects.tables),
                List.copyOf(objects.sequences),
                List.copyOf(objects.indexes),
                List.copyOf(objects.constraints),
                List.copyOf(objects.triggers),
                List.copyOf(objects.policies),
                choice.foreignKeysLeftOut(),
                choice.leftOut());
    }

    /** Relations and schema-level definitions: what selecting their schema selects directly. */
    private static boolean isDefinition(PgTocEntry e) {
        return PgToc.RELATION_KINDS.contains(e.desc())
                || SCHEMA_DEFINITIONS.contains(e.desc())
                || e.desc().startsWith("TEXT SEARCH ");
    }

    private static void requireSelection(Set<String> schemas, Set<String> tables) {
        Objects.requireNonNull(schemas, "schemas");
        Objects.requireNonNull(tables, "tables");
        if (schemas.isEmpty() && tables.isEmpty()) {
            throw new IllegalArgumentException("select at least one schema or table to restore");
        }
    }

    /**
     * {@code {schema, table}} of a table name: split at the first dot, {@code public} when there is none.
     *
     * @throws IllegalArgumentException when a part is blank
     */
    static String[] splitTable(String table) {
        int dot = table.indexOf('.');
        String[] name = dot < 0
                ? new String[] {"public", table}
                : new String[] {table.substring(0, dot), table.substring(dot + 1)};
        if (name[0].isBlank() || name[1].isBlank()) {
            throw new IllegalArgumentException("a table must be schema.table or table, not '" + table + "'");
        }
        return name;
    }

    /** What the archive holds, for an error message: schemas, and tables up to a limit. */
    private static String holdings(PgToc toc) {
        Set<String> schemas = new TreeSet<>();
        Set<String> tables = new TreeSet<>();
        for (PgTocEntry e : toc.entries()) {
            if (e.is("TABLE")) {
                tables.add(e.qualifiedName());
                schemas.add(e.schema());
            } else if (e.is("SCHEMA")) {
                schemas.add(e.name());
            }
        }
        int limit = 50;
        String shown = String.join(", ", tables.stream().limit(limit).toList());
        return "the archive holds the schemas " + String.join(", ", schemas) + " and the tables " + shown
                + (tables.size() > limit ? " and " + (tables.size() - limit) + " more" : "");
    }

    /** Runs {@code pg_restore args} reading {@code head} on stdin; returns its output. */
    private String run(byte[] head, Duration timeout, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        ProcessRunner.Result result = runner.run(new Command(argv, Map.of(), timeout), head);
        String command = String.join(" ", argv);
        if (result.timedOut()) {
            throw new IllegalStateException(command + " was killed after " + timeout);
        }
        if (result.exitCode() != 0) {
            String stderr = result.stderr().trim();
            if (stderr.contains(END_OF_FILE)) {
                throw new IllegalArgumentException("the head of " + head.length
                        + " bytes ends before the archive's table of contents does: " + stderr);
            }
            throw new IllegalStateException(command + " exit code " + result.exitCode() + ": " + stderr);
        }
        return result.stdout();
    }
}
