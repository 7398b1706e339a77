package io.bulwark.engines.mariadb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement of a {@code mariadb-dump} SQL stream does, read from its first bytes: which table it
 * belongs to, if any, and the foreign keys of a {@code CREATE TABLE}. The statement has already been cut out
 * of the stream by {@link SqlDumpScanner} (delimiters, {@code DELIMITER} blocks and quotes across buffer
 * boundaries are its business); this class only splits a bounded byte prefix of one statement into tokens,
 * with the same lexical rules as the scanner (MariaDB KB, "Comment Syntax", "Identifier Names"): {@code --
 * }, {@code #} and {@code /* *}{@code /} comments are skipped, executable comments ({@code /*!50003 ...
 * *}{@code /}, {@code /*M!100101 ... *}{@code /}) are read as SQL without their version number, except
 * {@code /*M!999999\- enable the sandbox mode *}{@code /}, which no server runs (the {@code mariadb} client
 * reads it as its {@code sandbox} command); quoted strings are skipped; backtick identifiers are read with
 * {@code ``} as one backtick. Stateless.
 */
final class SqlStatement {

    /** How a statement relates to the tables of a dump. */
    enum Kind {
        /** Session state or a client command ({@code SET}, {@code DELIMITER}) or only comments: always kept. */
        SESSION,
        /** {@code LOCK TABLES t WRITE}. */
        LOCK,
        /** {@code UNLOCK TABLES}: goes with the {@code LOCK TABLES} before it. */
        UNLOCK,
        /** {@code CREATE TABLE t} or {@code CREATE SEQUENCE t}: the table appears in the dump. */
        CREATE_TABLE,
        /** Any other statement on one table: drop, alter, insert, a trigger on it, a sequence's value. */
        TABLE,
        /** Views, routines, events, the placeholder of a view, {@code ALTER DATABASE} and anything unknown. */
        OTHER
    }

    /**
     * A statement's kind and table.
     *
     * @param table the bare table name (a {@code db.} qualifier dropped) for {@link Kind#LOCK}, {@link
     *     Kind#CREATE_TABLE} and {@link Kind#TABLE}, else null
     */
    record Classified(Kind kind, String table) {}

    /**
     * A foreign key of a {@code CREATE TABLE}.
     *
     * @param constraint its name, or null when it has none
     * @param referencedTable the bare name of the table it references
     */
    record ForeignKey(String constraint, String referencedTable) {}

    /** A token: a word or punctuation character as written, or a backtick identifier without its quotes. */
    record Token(String text, boolean quoted, boolean versioned) {

        boolean is(String keyword) {
            return !quoted && text.equalsIgnoreCase(keyword);
        }
    }

    private static final int CLASSIFY_TOKENS = 64;

    private SqlStatement() {}

    /** The kind and table of the statement whose first {@code length} bytes are {@code bytes}. */
    static Classified classify(byte[] bytes, int length) {
        List<Token> t = tokens(bytes, length, CLASSIFY_TOKENS);
        if (t.isEmpty()) {
            return new Classified(Kind.SESSION, null);
        }
        Token first = t.getFirst();
        if (first.is("SET") || first.is("DELIMITER")) {
            return new Classified(Kind.SESSION, null);
        }
        if (first.is("UNLOCK")) {
            return new Classified(Kind.UNLOCK, null);
        }
        if (first.is("LOCK") && is(t, 1, "TABLES")) {
            return table(Kind.LOCK, t, 2);
        }
        if (first.is("DROP") && (is(t, 1, "TABLE") || is(t, 1, "SEQUENCE"))) {
            return table(Kind.TABLE, t, skipIfExists(t, 2));
        }
        if (first.is("ALTER") && is(t, 1, "TABLE")) {
            return table(Kind.TABLE, t, 2);
        }
        if (first.is("INSERT") || first.is("REPLACE")) {
            int i = 1;
            while (i < t.size() && isInsertModifier(t.get(i))) {
                i++;
            }
            return table(Kind.TABLE, t, i);
        }
        if ((first.is("DO") || first.is("SELECT")) && is(t, 1, "SETVAL") && is(t, 2, "(")) {
            return table(Kind.TABLE, t, 3);
        }
        if (first.is("CREATE")) {
            return create(t);
        }
        return new Classified(Kind.OTHER, null);
    }

    /** {@code CREATE [OR REPLACE] [DEFINER=...] TABLE|SEQUENCE|TRIGGER|VIEW|PROCEDURE|...}. */
    private static Classified create(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token word = t.get(i);
            if (word.is("TABLE") || word.is("SEQUENCE")) {
                // a view's placeholder table in older dumps is wrapped whole in an executable comment
                boolean placeholder = word.is("TABLE") && t.getFirst().versioned() && word.versioned();
                return placeholder
                        ? new Classified(Kind.OTHER, null)
                        : table(Kind.CREATE_TABLE, t, skipIfExists(t, i + 1));
            }
            if (word.is("TRIGGER")) {
                for (int j = i + 1; j < t.size(); j++) {
                    if (t.get(j).is("ON")) {
                        return table(Kind.TABLE, t, j + 1);
                    }
                }
                return new Classified(Kind.OTHER, null);
            }
            if (word.is("VIEW") || word.is("PROCEDURE") || word.is("FUNCTION") || word.is("EVENT") || word.is("(")) {
                return new Classified(Kind.OTHER, null);
            }
        }
        return new Classified(Kind.OTHER, null);
    }

    private static boolean isInsertModifier(Token token) {
        return token.is("INTO")
                || token.is("IGNORE")
                || token.is("LOW_PRIORITY")
                || token.is("DELAYED")
                || token.is("HIGH_PRIORITY");
    }

    private static int skipIfExists(List<Token> t, int i) {
        if (is(t, i, "IF") && is(t, i + 1, "NOT") && is(t, i + 2, "EXISTS")) {
            return i + 3;
        }
        if (is(t, i, "IF") && is(t, i + 1, "EXISTS")) {
            return i + 2;
        }
        return i;
    }

    private static boolean is(List<Token> t, int i, String keyword) {
        return i < t.size() && t.get(i).is(keyword);
    }

    /** The table named at token {@code i} ({@code name} or {@code db.name}); {@link Kind#OTHER} without one. */
    private static Classified table(Kind kind, List<Token> t, int i) {
        String name = name(t, i);
        return name == null ? new Classified(Kind.OTHER, null) : new Classified(kind, name);
    }

    private static String name(List<Token> t, int i) {
        if (i >= t.size() || !isName(t.get(i))) {
            return null;
        }
        if (i + 2 < t.size() && t.get(i + 1).text().equals(".") && !t.get(i + 1).quoted() && isName(t.get(i + 2))) {
            return t.get(i + 2).text();
        }
        return t.get(i).text();
    }

    private static boolean isName(Token token) {
        return token.quoted()
                || (!token.text().isEmpty() && isWordByte(token.text().charAt(0)));
    }

    /**
     * The foreign keys of a whole {@code CREATE TABLE} statement: each {@code [CONSTRAINT name] FOREIGN KEY
     * (...) REFERENCES table} at the top level of its definition. A reference to a table of another database
     * ({@code REFERENCES db.t}) is not listed: it points outside the dump.
     */
    static List<ForeignKey> foreignKeys(byte[] bytes, int length) {
        List<Token> t = tokens(bytes, length, Integer.MAX_VALUE);
        List<ForeignKey> keys = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.text().equals("(") && !token.quoted()) {
                depth++;
            } else if (token.text().equals(")") && !token.quoted()) {
                depth--;
            } else if (depth == 1 && token.is("FOREIGN") && is(t, i + 1, "KEY")) {
                String constraint = i >= 2 && t.get(i - 2).is("CONSTRAINT") && isName(t.get(i - 1))
                        ? t.get(i - 1).text()
                        : null;
                int j = i + 2;
                while (j < t.size() && !t.get(j).is("REFERENCES")) {
                    j++;
                }
                boolean qualified = j + 2 < t.size()
                        && t.get(j + 2).text().equals(".")
                        && !t.get(j + 2).quoted();
                if (j + 1 < t.size() && isName(t.get(j + 1)) && !qualified) {
                    keys.add(new ForeignKey(constraint, t.get(j + 1).text()));
                }
            }
        }
        return keys;
    }

    /** The first {@code max} tokens of {@code bytes[0, length)}. */
    static List<Token> tokens(byte[] bytes, int length, int max) {
        List<Token> tokens = new ArrayList<>();
        boolean versioned = false;
        int i = 0;
        while (i < length && tokens.size() < max) {
            int c = bytes[i] & 0xff;
            int next = i + 1 < length ? bytes[i + 1] & 0xff : -1;
            if (c <= ' ') {
                i++;
            } else if (c == '#' || (c == '-' && next == '-' && (i + 2 >= length || (bytes[i + 2] & 0xff) <= ' '))) {
                while (i < length && bytes[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int bang = i + 2 < length && bytes[i + 2] == 'M' ? i + 3 : i + 2;
                if (bang < length && bytes[bang] == '!') {
                    int digits = bang + 1;
                    while (digits < length && Character.isDigit(bytes[digits])) {
                        digits++;
                    }
                    boolean sandbox =
                            new String(bytes, bang + 1, digits - bang - 1, StandardCharsets.US_ASCII).equals("999999");
                    versioned = !sandbox;
                    i = sandbox ? skipComment(bytes, length, digits) : digits;
                } else {
                    i = skipComment(bytes, length, i + 2);
                }
            } else if (c == '*' && next == '/' && versioned) {
                versioned = false;
                i += 2;
            } else if (c == '\'' || c == '"') {
                i = skipString(bytes, length, i + 1, c);
            } else if (c == '`') {
                StringBuilder name = new StringBuilder();
                int start = i + 1;
                int j = start;
                while (j < length) {
                    if (bytes[j] == '`') {
                        name.append(new String(bytes, start, j - start, StandardCharsets.UTF_8));
                        if (j + 1 < length && bytes[j + 1] == '`') {
                            name.append('`');
                            j += 2;
                            start = j;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                if (j >= length) {
                    break; // cut off inside the identifier: the prefix ends here
                }
                tokens.add(new Token(name.toString(), true, versioned));
                i = j + 1;
            } else if (isWordByte(c)) {
                int j = i;
                while (j < length && isWordByte(bytes[j] & 0xff)) {
                    j++;
                }
                tokens.add(new Token(new String(bytes, i, j - i, StandardCharsets.UTF_8), false, versioned));
                i = j;
            } else {
                tokens.add(new Token(String.valueOf((char) c), false, versioned));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isWordByte(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c >= 0x80;
    }

    /** The index after the {@code *}{@code /} that closes a comment whose body starts at {@code i}. */
    private static int skipComment(byte[] bytes, int length, int i) {
        while (i + 1 < length && !(bytes[i] == '*' && bytes[i + 1] == '/')) {
            i++;
        }
        return Math.min(i + 2, length);
    }

    /** The index after the string whose body starts at {@code i}: backslash escapes, {@code quote} ends it. */
    private static int skipString(byte[] bytes, int length, int i, int quote) {
        while (i < length) {
            int c = bytes[i] & 0xff;
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return length;
    }
}
