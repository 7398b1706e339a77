package io.bulwark.engines.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code CREATE TABLE} statement as {@code pg_dump} writes it: the {@code CHECK} constraints inside
 * it, {@code CONSTRAINT name CHECK (expr) [NO INHERIT]} at the top level of the column list ({@code pg_dump}
 * writes every locally defined check constraint of a table there, and a partition's inherited ones too), and
 * the tables of its {@code INHERITS (schema.table, ...)} clause.
 *
 * <p>The statement is split into tokens the way the PostgreSQL lexer does for what {@code pg_dump}
 * prints (PostgreSQL documentation, "Lexical Structure"): double-quoted identifiers with {@code ""}
 * for a quote, single-quoted strings with {@code ''} (and backslash escapes in {@code E'...'}),
 * dollar-quoted strings, {@code --} and nested block comments; an unquoted identifier is folded to
 * lower case. Stateless.
 */
final class PgCreateTable {

    /** A check constraint: its name, and whether it is {@code NO INHERIT} (not passed on to children). */
    record Check(String name, boolean noInherit) {}

    private PgCreateTable() {}

    /** The check constraints at depth 1 of the first parenthesised list of {@code createTable}, in order. */
    static List<Check> checks(String createTable) {
        List<String> tokens = tokens(createTable);
        List<Check> checks = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                if (--depth == 0) {
                    break;
                }
            } else if (t.equals(";") && depth == 0) {
                break;
            } else if (depth == 1
                    && t.equals("constraint")
                    && i + 2 < tokens.size()
                    && tokens.get(i + 2).equals("check")) {
                int end = skipParentheses(tokens, i + 3);
                boolean noInherit = end + 1 < tokens.size()
                        && tokens.get(end).equals("no")
                        && tokens.get(end + 1).equals("inherit");
                checks.add(new Check(identifier(tokens.get(i + 1)), noInherit));
            }
        }
        return checks;
    }

    /**
     * The tables named in the {@code INHERITS (...)} clause that follows the column list of {@code
     * createTable}, each as {@code {schema, table}} ({@code pg_dump} qualifies them); empty without one.
     */
    static List<String[]> inherits(String createTable) {
        List<String> tokens = tokens(createTable);
        int open = tokens.indexOf("(");
        if (open < 0) {
            return List.of();
        }
        int end = skipParentheses(tokens, open);
        List<String[]> parents = new ArrayList<>();
        if (end + 1 < tokens.size()
                && tokens.get(end).equals("inherits")
                && tokens.get(end + 1).equals("(")) {
            int i = end + 2;
            while (i + 2 < tokens.size() && tokens.get(i + 1).equals(".")) {
                parents.add(new String[] {identifier(tokens.get(i)), identifier(tokens.get(i + 2))});
                i += 3;
                if (i >= tokens.size() || !tokens.get(i).equals(",")) {
                    break;
                }
                i++;
            }
        }
        return parents;
    }

    /** The index after the parenthesised group starting at {@code start}. */
    private static int skipParentheses(List<String> tokens, int start) {
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")") && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    /** A token as an identifier: a quoted one without its quotes, {@code ""} read as {@code "}. */
    private static String identifier(String token) {
        if (token.length() >= 2 && token.startsWith("\"")) {
            return token.substring(1, token.length() - 1).replace("\"\"", "\"");
        }
        return token;
    }

    /**
     * The tokens of {@code sql}: quoted identifiers with their quotes, unquoted words lower-cased, one token
     * per other character; strings and comments dropped.
     */
    static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (c == '"') {
                int end = i + 1;
                while (end < n && !(sql.charAt(end) == '"' && (end + 1 >= n || sql.charAt(end + 1) != '"'))) {
                    end += sql.charAt(end) == '"' ? 2 : 1;
                }
                tokens.add(sql.substring(i, Math.min(end + 1, n)));
                i = end + 1;
            } else if (c == '\'') {
                boolean escapes = i > 0
                        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && !tokens.isEmpty()
                        && tokens.getLast().equals("e");
                if (escapes) {
                    tokens.removeLast();
                }
                i = skipString(sql, i + 1, escapes);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || "_$".indexOf(sql.charAt(end)) >= 0)) {
                    end++;
                }
                tokens.add(sql.substring(i, end).toLowerCase(java.util.Locale.ROOT));
                i = end;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** The index after the string whose body starts at {@code i}. */
    private static int skipString(String sql, int i, boolean escapes) {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** The dollar-quote tag ({@code $$} or {@code $tag$}) starting at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        int end = i + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$' && (end == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, end + 1);
        }
        return null;
    }
}
