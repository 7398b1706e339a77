package io.bulwark.engines.postgres;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the table of contents of a custom-format archive from two outputs of {@code pg_restore} on it:
 *
 * <ul>
 *   <li>{@code pg_restore --list --verbose}: one line per entry, {@code id; catalog-oid oid DESC schema tag
 *       owner}, in archive order, each followed (when the entry has any) by {@code ;\tdepends on: id id...}
 *       ({@code pg_backup_archiver.c}, {@code PrintTOCSummary});
 *   <li>{@code pg_restore --schema-only --verbose --file=-}: for each entry that has a definition, a comment
 *       block {@code -- TOC entry id (class c OID o)}, {@code -- Dependencies: ...}, {@code -- Name: tag;
 *       Type: DESC; Schema: schema; Owner: owner}, then its SQL ({@code _printTocEntry}).
 * </ul>
 *
 * The listing alone is ambiguous when names hold spaces ({@code CONSTRAINT Sales Dept Line Item pkey});
 * the definition header separates the fields with {@code ;}, so names come from there, kinds and
 * dependencies from the listing. Entries without a definition (table data, sequence values, large
 * objects) get their kind by matching the listing against the kinds {@code pg_dump} writes, and no name.
 * Stateless.
 */
final class PgTocParser {

    private static final Pattern ENTRY = Pattern.compile("^(\\d+); (\\d+) (\\d+) (.*)$");
    private static final String DEPENDS_ON = ";\tdepends on:";
    private static final Pattern BLOCK = Pattern.compile("^-- TOC entry (\\d+) \\(class \\d+ OID \\d+\\)$");
    private static final Pattern HEADER =
            Pattern.compile("^-- (?:Data for )?Name: (.*); Type: (.*?); Schema: (.*?); Owner:(.*)$");
    private static final String DUMP_COMPLETE = "-- PostgreSQL database dump complete";

    /** Entry kinds {@code pg_dump} writes (PostgreSQL 15 to 18, {@code pg_dump.c}), longest first. */
    private static final List<String> KINDS = List.of(
                    "ACCESS METHOD",
                    "ACL",
                    "AGGREGATE",
                    "BLOB",
                    "BLOB METADATA",
                    "BLOBS",
                    "CAST",
                    "CHECK CONSTRAINT",
                    "COLLATION",
                    "COMMENT",
                    "CONSTRAINT",
                    "CONVERSION",
                    "DATABASE",
                    "DATABASE PROPERTIES",
                    "DEFAULT",
                    "DEFAULT ACL",
                    "DOMAIN",
                    "ENCODING",
                    "EVENT TRIGGER",
                    "EXTENSION",
                    "FK CONSTRAINT",
                    "FOREIGN DATA WRAPPER",
                    "FOREIGN TABLE",
                    "FUNCTION",
                    "INDEX",
                    "INDEX ATTACH",
                    "LARGE OBJECT",
                    "MATERIALIZED VIEW",
                    "MATERIALIZED VIEW DATA",
                    "OPERATOR",
                    "OPERATOR CLASS",
                    "OPERATOR FAMILY",
                    "POLICY",
                    "PROCEDURAL LANGUAGE",
                    "PROCEDURE",
                    "PUBLICATION",
                    "PUBLICATION TABLE",
                    "PUBLICATION TABLES IN SCHEMA",
                    "ROW SECURITY",
                    "RULE",
                    "SCHEMA",
                    "SEARCHPATH",
                    "SECURITY LABEL",
                    "SEQUENCE",
                    "SEQUENCE OWNED BY",
                    "SEQUENCE SET",
                    "SERVER",
                    "SHELL TYPE",
                    "STATISTICS",
                    "STATISTICS DATA",
                    "STDSTRINGS",
                    "SUBSCRIPTION",
                    "SUBSCRIPTION TABLE",
                    "TABLE",
                    "TABLE ATTACH",
                    "TABLE DATA",
                    "TEXT SEARCH CONFIGURATION",
                    "TEXT SEARCH DICTIONARY",
                    "TEXT SEARCH PARSER",
                    "TEXT SEARCH TEMPLATE",
                    "TRANSFORM",
                    "TRIGGER",
                    "TYPE",
                    "USER MAPPING",
                    "VIEW")
            .stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private PgTocParser() {}

    /** A definition block: the header's fields and the SQL under it. */
    record Definition(String desc, String schema, String name, String sql) {}

    /**
     * The entries of {@code listing} in its order, each completed with its definition when {@code
     * definitions} has one.
     *
     * @param listing the output of {@code pg_restore --list --verbose}
     * @param definitions the output of {@code pg_restore --schema-only --verbose --file=-}
     * @throws IllegalArgumentException when {@code listing} holds no entry
     */
    static List<PgTocEntry> parse(String listing, String definitions) {
        Map<Integer, Definition> defined = definitions(definitions);
        List<PgTocEntry> entries = new ArrayList<>();
        int id = -1;
        String line = null;
        List<Integer> dependencies = new ArrayList<>();
        for (String text : listing.split("\n", -1)) {
            Matcher m = ENTRY.matcher(text);
            if (m.matches()) {
                if (line != null) {
                    entries.add(entry(id, line, dependencies, defined.get(id)));
                }
                id = Integer.parseInt(m.group(1));
                line = text;
                dependencies = new ArrayList<>();
            } else if (line != null && text.startsWith(DEPENDS_ON)) {
                for (String dep : text.substring(DEPENDS_ON.length()).trim().split("\\s+")) {
                    if (!dep.isEmpty()) {
                        dependencies.add(Integer.parseInt(dep));
                    }
                }
            }
        }
        if (line == null) {
            throw new IllegalArgumentException("the listing names no table-of-contents entry");
        }
        entries.add(entry(id, line, dependencies, defined.get(id)));
        return entries;
    }

    private static PgTocEntry entry(int id, String line, List<Integer> dependencies, Definition definition) {
        if (definition != null) {
            return new PgTocEntry(
                    id,
                    definition.desc(),
                    definition.schema(),
                    definition.name(),
                    dependencies,
                    definition.sql(),
                    line);
        }
        Matcher m = ENTRY.matcher(line);
        m.matches();
        return new PgTocEntry(id, kindOf(m.group(4)), null, null, dependencies, null, line);
    }

    /** The kind a listing line's text after {@code id; catalog oid } starts with, or {@code UNKNOWN}. */
    static String kindOf(String rest) {
        for (String kind : KINDS) {
            if (rest.startsWith(kind + " ")) {
                return kind;
            }
        }
        return "UNKNOWN";
    }

    /** The definition blocks of {@code text} by dump id. */
    static Map<Integer, Definition> definitions(String text) {
        String[] lines = text.split("\n", -1);
        Map<Integer, Definition> blocks = new HashMap<>();
        int i = 0;
        while (i < lines.length) {
            Matcher start = BLOCK.matcher(lines[i]);
            if (!(start.matches() && i > 0 && lines[i - 1].equals("--"))) {
                i++;
                continue;
            }
            int id = Integer.parseInt(start.group(1));
            int j = i + 1;
            Matcher header = null;
            while (j < lines.length && lines[j].startsWith("--")) {
                Matcher h = HEADER.matcher(lines[j]);
                if (h.matches()) {
                    header = h;
                }
                j++;
            }
            int end = j;
            while (end < lines.length && !blockStartsAt(lines, end)) {
                end++;
            }
            if (header != null) {
                String schema = header.group(3);
                String sql = String.join("\n", java.util.Arrays.copyOfRange(lines, j, end))
                        .strip();
                blocks.put(
                        id, new Definition(header.group(2), schema.equals("-") ? null : schema, header.group(1), sql));
            }
            i = end;
        }
        return blocks;
    }

    /** True when a new block (or the closing comment) starts at line {@code i}: {@code --} then its header. */
    private static boolean blockStartsAt(String[] lines, int i) {
        return lines[i].equals("--")
                && i + 1 < lines.length
                && (BLOCK.matcher(lines[i + 1]).matches() || lines[i + 1].equals(DUMP_COMPLETE));
    }
}
