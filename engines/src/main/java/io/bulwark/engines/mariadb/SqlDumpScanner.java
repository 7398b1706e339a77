package io.bulwark.engines.mariadb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-level lexer for the SQL that {@code mariadb-dump}/{@code mysqldump} write: it finds the
 * tables the dump creates and counts the rows it inserts into each, in one pass, as the bytes go by.
 *
 * <p>It splits the input into statements the way the {@code mariadb} command-line client does
 * (MariaDB KB, "mariadb Command-Line Client", {@code DELIMITER}; client source {@code mysql.cc},
 * {@code add_line}): a statement ends at the current delimiter outside quotes and comments; {@code
 * DELIMITER x} as the first word of a statement sets the delimiter to the next word on that line
 * (the dump writes {@code DELIMITER ;;} around triggers, routines and events, whose bodies hold
 * {@code ;} and may hold {@code INSERT} text). It follows single- and double-quoted strings with
 * backslash escapes (the dump connection runs with an empty {@code sql_mode}, so {@code
 * NO_BACKSLASH_ESCAPES} never applies; a doubled quote reads as two adjacent strings, which counts
 * the same), backtick identifiers with doubled backticks, {@code -- } and {@code #} line comments
 * and {@code /* *}{@code /} comments (MariaDB KB, "Comment Syntax"). Executable comments ({@code
 * /*!40000 ... *}{@code /}, {@code /*M!...*}{@code /}) are lexed as SQL for strings and delimiters,
 * as the client does, but a statement whose first word is inside one is never counted (that is how
 * old dumps wrap the placeholder tables of views and the triggers).
 *
 * <p>A top-level statement {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] `name`} registers a
 * table; {@code INSERT|REPLACE [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] `name` [(cols)]
 * VALUES (...),(...)} adds its tuples (the parentheses at depth 0 after {@code VALUES}) to that
 * table's count; {@code db.`name`} forms count for {@code name}. A table's name is final at the first
 * token after it that is not the {@code .} of such a qualified name: nothing in its definition (a
 * {@code DEFAULT 4.99}, a {@code REFERENCES `db`.`t`}) can change it. Anything after the tuple list (such
 * as {@code ON DUPLICATE KEY UPDATE}) is ignored. Delimiters made of quote or comment characters are
 * not supported (the dump uses {@code ;} and {@code ;;} only).
 *
 * <p>Allocation-free per byte: it keeps a few ints and two small buffers; a table name becomes a
 * {@code String} once per statement at most. Not thread-safe; feed it from one thread.
 */
public final class SqlDumpScanner {

    private static final int MAX_NAME_BYTES = 1024;
    private static final int MAX_DELIMITER_BYTES = 16;

    // lexical states; the first group is "top level": the delimiter is matched there
    private static final int NORMAL = 0;
    private static final int WORD = 1;
    private static final int DASH1 = 2;
    private static final int DASH2 = 3;
    private static final int SLASH = 4;
    private static final int VSTAR = 5;
    private static final int BACKTICK_END = 6;
    private static final int LAST_TOP_LEVEL = 6;
    private static final int SQUOTE = 7;
    private static final int SQUOTE_ESC = 8;
    private static final int DQUOTE = 9;
    private static final int DQUOTE_ESC = 10;
    private static final int BACKTICK = 11;
    private static final int LINE_COMMENT = 12;
    private static final int BLOCK_COMMENT = 13;
    private static final int BLOCK_STAR = 14;
    private static final int SLASH_STAR = 15;
    private static final int SLASH_STAR_M = 16;
    private static final int DELIM_SPACE = 17;
    private static final int DELIM_WORD = 18;
    private static final int DELIM_REST = 19;

    // statement states
    private static final int P_START = 0;
    private static final int P_OTHER = 1;
    private static final int P_CREATE = 2;
    private static final int P_CREATE_OR = 3;
    private static final int P_CT_NAME = 4;
    private static final int P_CT_AFTER_NAME = 5;
    private static final int P_INSERT = 6;
    private static final int P_INS_AFTER_NAME = 7;
    private static final int P_INS_COLUMNS = 8;
    private static final int P_INS_AFTER_COLUMNS = 9;
    private static final int P_VALUES = 10;
    private static final int P_TUPLE = 11;
    private static final int P_AFTER_TUPLE = 12;
    private static final int P_CT_BODY = 13;

    private static final boolean[] WORD_BYTE = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            WORD_BYTE[c] = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '$'
                    || c >= 0x80;
        }
    }

    private int lex = NORMAL;
    private int parse = P_START;
    private boolean inVersioned;
    private boolean statementIsCreate;
    private int depth;
    private long tuples;

    private final byte[] word = new byte[MAX_NAME_BYTES];
    private int wordLength;
    private final byte[] name = new byte[MAX_NAME_BYTES];
    private int nameLength;
    private boolean capturing;

    private byte[] delimiter = {';'};
    private int[] failure = {0};
    private int singleDelimiter = ';';
    private int matched;
    private final byte[] newDelimiter = new byte[MAX_DELIMITER_BYTES];
    private int newDelimiterLength;

    private final Map<String, long[]> rows = new LinkedHashMap<>();
    private byte[] lastInsertName = new byte[0];
    private long[] lastInsertCount;
    private long bytes;
    private long statements;
    private boolean finished;

    /**
     * Scans {@code length} bytes of dump text starting at {@code offset}.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void feed(byte[] buffer, int offset, int length) {
        scan(buffer, offset, length, false);
    }

    /**
     * Scans bytes of dump text starting at {@code offset} up to the end of the current statement: stops
     * right after the byte that ends it (the last byte of its delimiter, or the end of a {@code DELIMITER}
     * line), or after {@code length} bytes when it does not end among them. {@link #statements()} grows
     * by one exactly when the statement ended; the bytes of a statement are those from the end of the
     * previous one, comments before it included. For callers that act on whole statements ({@link
     * SqlDumpSelection}).
     *
     * @return the number of bytes scanned, at least 1 when {@code length} is positive
     * @throws IllegalStateException after {@link #finish()}
     */
    public int feedToStatementEnd(byte[] buffer, int offset, int length) {
        return scan(buffer, offset, length, true);
    }

    private int scan(byte[] buffer, int offset, int length, boolean stopAtStatementEnd) {
        if (finished) {
            throw new IllegalStateException("the scanner has finished");
        }
        long ended = statements;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int state = lex;
            if (state == SQUOTE || state == DQUOTE) {
                byte quote = state == SQUOTE ? (byte) '\'' : (byte) '"';
                int j = i;
                while (j < end) {
                    byte c = buffer[j];
                    if (c == quote || c == '\\') {
                        break;
                    }
                    j++;
                }
                if (j == end) {
                    i = end;
                } else if (buffer[j] == quote) {
                    lex = NORMAL;
                    i = j + 1;
                } else if (j + 1 < end) {
                    i = j + 2;
                } else {
                    lex = state == SQUOTE ? SQUOTE_ESC : DQUOTE_ESC;
                    i = end;
                }
                continue;
            }
            int c = buffer[i] & 0xff;
            if (state <= LAST_TOP_LEVEL && (singleDelimiter >= 0 ? c == singleDelimiter : matchesDelimiter(c))) {
                flushPending();
                endStatement();
                i++;
            } else if (step(c)) {
                i++;
            }
            if (stopAtStatementEnd && statements != ended) {
                break;
            }
        }
        bytes += i - offset;
        return i - offset;
    }

    /**
     * Ends the input: the last statement counts even without a delimiter, as in the {@code mariadb}
     * client. Idempotent.
     */
    public void finish() {
        if (finished) {
            return;
        }
        if (lex <= LAST_TOP_LEVEL) {
            flushPending();
        }
        endStatement();
        finished = true;
    }

    /** True once {@link #finish()} ran. */
    public boolean finished() {
        return finished;
    }

    /**
     * Every table the dump creates or inserts into, in the order first seen, with the number of rows
     * inserted (0 for a table without {@code INSERT}).
     */
    public Map<String, Long> rowCounts() {
        Map<String, Long> copy = new LinkedHashMap<>();
        rows.forEach((table, count) -> copy.put(table, count[0]));
        return Collections.unmodifiableMap(copy);
    }

    /** The tables the dump creates ({@code CREATE TABLE}) or inserts into, in the order first seen. */
    public List<String> tables() {
        return List.copyOf(rows.keySet());
    }

    /** Bytes scanned so far. */
    public long bytes() {
        return bytes;
    }

    /** Statements ended so far (empty ones included). */
    public long statements() {
        return statements;
    }

    /** The current delimiter, e.g. {@code ;} or {@code ;;}. */
    public String delimiter() {
        return new String(delimiter, StandardCharsets.UTF_8);
    }

    /**
     * One byte in the current state; returns false when the byte must be looked at again in the
     * state it left (a pending {@code -}, {@code /} or closing backtick that turned out to be
     * something else).
     */
    private boolean step(int c) {
        switch (lex) {
            case NORMAL -> normal(c);
            case WORD -> {
                if (WORD_BYTE[c]) {
                    if (wordLength < word.length) {
                        word[wordLength++] = (byte) c;
                    }
                } else {
                    lex = NORMAL;
                    wordEnded(c);
                    return false;
                }
            }
            case DASH1 -> {
                lex = NORMAL;
                if (c == '-') {
                    lex = DASH2;
                } else {
                    punct('-');
                    return false;
                }
            }
            case DASH2 -> {
                lex = NORMAL;
                if (c <= ' ') {
                    lex = c == '\n' ? NORMAL : LINE_COMMENT;
                } else {
                    punct('-');
                    punct('-');
                    return false;
                }
            }
            case SLASH -> {
                lex = NORMAL;
                if (c == '*') {
                    lex = SLASH_STAR;
                } else {
                    punct('/');
                    return false;
                }
            }
            case SLASH_STAR -> {
                if (c == '!') {
                    lex = NORMAL;
                    inVersioned = true;
                } else if (c == 'M') {
                    lex = SLASH_STAR_M;
                } else {
                    lex = BLOCK_COMMENT;
                    return false;
                }
            }
            case SLASH_STAR_M -> {
                if (c == '!') {
                    lex = NORMAL;
                    inVersioned = true;
                } else {
                    lex = BLOCK_COMMENT;
                    return false;
                }
            }
            case VSTAR -> {
                lex = NORMAL;
                if (c == '/') {
                    inVersioned = false;
                } else {
                    punct('*');
                    return false;
                }
            }
            case BLOCK_COMMENT -> {
                if (c == '*') {
                    lex = BLOCK_STAR;
                }
            }
            case BLOCK_STAR -> {
                if (c == '/') {
                    lex = NORMAL;
                } else if (c != '*') {
                    lex = BLOCK_COMMENT;
                }
            }
            case LINE_COMMENT -> {
                if (c == '\n') {
                    lex = NORMAL;
                }
            }
            case BACKTICK -> {
                if (c == '`') {
                    lex = BACKTICK_END;
                } else if (capturing && nameLength < name.length) {
                    name[nameLength++] = (byte) c;
                }
            }
            case BACKTICK_END -> {
                if (c == '`') {
                    lex = BACKTICK;
                    if (capturing && nameLength < name.length) {
                        name[nameLength++] = '`';
                    }
                } else {
                    lex = NORMAL;
                    identifierEnded();
                    return false;
                }
            }
            case SQUOTE_ESC -> lex = SQUOTE;
            case DQUOTE_ESC -> lex = DQUOTE;
            case DELIM_SPACE -> {
                if (c == '\n') {
                    lex = NORMAL;
                    endStatement();
                } else if (c > ' ') {
                    lex = DELIM_WORD;
                    newDelimiterLength = 0;
                    return false;
                }
            }
            case DELIM_WORD -> {
                if (c <= ' ') {
                    setDelimiter();
                    lex = c == '\n' ? NORMAL : DELIM_REST;
                    if (lex == NORMAL) {
                        endStatement();
                    }
                } else if (newDelimiterLength < newDelimiter.length) {
                    newDelimiter[newDelimiterLength++] = (byte) c;
                }
            }
            case DELIM_REST -> {
                if (c == '\n') {
                    lex = NORMAL;
                    endStatement();
                }
            }
            default -> throw new IllegalStateException("lexer state " + lex);
        }
        return true;
    }

    /** A byte at top level, outside any token. */
    private void normal(int c) {
        switch (c) {
            case '\'' -> {
                lex = SQUOTE;
                token();
            }
            case '"' -> {
                lex = DQUOTE;
                token();
            }
            case '`' -> {
                lex = BACKTICK;
                capturing = parse == P_CT_NAME || parse == P_INSERT;
                if (capturing) {
                    nameLength = 0;
                } else {
                    token();
                }
            }
            case '#' -> lex = LINE_COMMENT;
            case '-' -> lex = DASH1;
            case '/' -> lex = SLASH;
            case ' ', '\t', '\n', '\r', '\f', 0x0b -> {
                // whitespace separates tokens
            }
            default -> {
                if (c == '*' && inVersioned) {
                    lex = VSTAR;
                } else if (WORD_BYTE[c]) {
                    if (wantsWords()) {
                        lex = WORD;
                        word[0] = (byte) c;
                        wordLength = 1;
                    }
                    // inside a tuple or an ignored statement a word changes nothing
                } else {
                    punct(c);
                }
            }
        }
    }

    private boolean wantsWords() {
        return parse == P_START
                || parse == P_CREATE
                || parse == P_CREATE_OR
                || parse == P_CT_NAME
                || parse == P_CT_AFTER_NAME
                || parse == P_INSERT
                || parse == P_INS_AFTER_NAME
                || parse == P_INS_AFTER_COLUMNS;
    }

    /** Something that is neither a word nor a captured identifier: in most places it ends recognition. */
    private void token() {
        switch (parse) {
            case P_TUPLE, P_OTHER -> {
                // strings and identifiers inside a tuple or an ignored statement change nothing
            }
            case P_CT_AFTER_NAME -> parse = P_CT_BODY;
            case P_CT_BODY, P_INS_COLUMNS -> {
                // a table's definition or a column list
            }
            default -> parse = P_OTHER;
        }
    }

    private void punct(int c) {
        switch (parse) {
            case P_TUPLE -> {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    parse = P_AFTER_TUPLE;
                }
            }
            case P_VALUES -> {
                if (c == '(') {
                    tuples++;
                    depth = 1;
                    parse = P_TUPLE;
                } else {
                    parse = P_OTHER;
                }
            }
            case P_AFTER_TUPLE -> parse = c == ',' ? P_VALUES : P_OTHER;
            // only a '.' right after the name qualifies it; anything else starts the table's definition
            case P_CT_AFTER_NAME -> parse = c == '.' ? P_CT_NAME : P_CT_BODY;
            case P_CT_BODY -> {
                // the table's definition (a DEFAULT 4.99, a REFERENCES `db`.`t`): the name is final
            }
            case P_INS_AFTER_NAME -> {
                if (c == '.') {
                    parse = P_INSERT;
                } else if (c == '(') {
                    depth = 1;
                    parse = P_INS_COLUMNS;
                } else {
                    parse = P_OTHER;
                }
            }
            case P_INS_COLUMNS -> {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    parse = P_INS_AFTER_COLUMNS;
                }
            }
            case P_OTHER -> {
                // ignored statement
            }
            default -> parse = P_OTHER;
        }
    }

    private void wordEnded(int terminator) {
        if (parse == P_START && inVersioned) {
            parse = P_OTHER;
            return;
        }
        switch (parse) {
            case P_START -> {
                if (isWord("DELIMITER") && (terminator == ' ' || terminator == '\t')) {
                    lex = DELIM_SPACE;
                    parse = P_OTHER;
                } else if (isWord("CREATE")) {
                    parse = P_CREATE;
                } else if (isWord("INSERT") || isWord("REPLACE")) {
                    parse = P_INSERT;
                } else {
                    parse = P_OTHER;
                }
            }
            case P_CREATE -> {
                if (isWord("OR")) {
                    parse = P_CREATE_OR;
                } else if (isWord("TABLE")) {
                    parse = P_CT_NAME;
                } else {
                    parse = P_OTHER;
                }
            }
            case P_CREATE_OR -> parse = isWord("REPLACE") ? P_CREATE : P_OTHER;
            case P_CT_NAME -> {
                if (!(isWord("IF") || isWord("NOT") || isWord("EXISTS"))) {
                    setNameFromWord();
                    parse = P_CT_AFTER_NAME;
                    statementIsCreate = true;
                }
            }
            case P_CT_AFTER_NAME -> parse = P_CT_BODY; // e.g. LIKE or AS SELECT: the name is final
            case P_INSERT -> {
                if (!(isWord("INTO")
                        || isWord("IGNORE")
                        || isWord("LOW_PRIORITY")
                        || isWord("DELAYED")
                        || isWord("HIGH_PRIORITY"))) {
                    setNameFromWord();
                    parse = P_INS_AFTER_NAME;
                }
            }
            case P_INS_AFTER_NAME, P_INS_AFTER_COLUMNS ->
                parse = isWord("VALUES") || isWord("VALUE") ? P_VALUES : P_OTHER;
            default -> {
                // not looking at words here
            }
        }
    }

    private void identifierEnded() {
        capturing = false;
        if (parse == P_CT_NAME) {
            parse = P_CT_AFTER_NAME;
            statementIsCreate = true;
        } else if (parse == P_INSERT) {
            parse = P_INS_AFTER_NAME;
        }
    }

    private void setNameFromWord() {
        System.arraycopy(word, 0, name, 0, wordLength);
        nameLength = wordLength;
    }

    private boolean isWord(String keyword) {
        if (wordLength != keyword.length()) {
            return false;
        }
        for (int k = 0; k < wordLength; k++) {
            int c = word[k];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != keyword.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Resolves a pending top-level token before the statement ends at a delimiter. */
    private void flushPending() {
        switch (lex) {
            case WORD -> wordEnded(';');
            case DASH1, DASH2, SLASH, VSTAR -> punct('-'); // a lone operator character
            case BACKTICK_END -> identifierEnded();
            default -> {
                // nothing pending
            }
        }
        lex = NORMAL;
    }

    private boolean matchesDelimiter(int c) {
        byte[] d = delimiter;
        int m = matched;
        while (m > 0 && (d[m] & 0xff) != c) {
            m = failure[m - 1];
        }
        if ((d[m] & 0xff) == c) {
            m++;
        }
        if (m == d.length) {
            matched = 0;
            return true;
        }
        matched = m;
        return false;
    }

    private void setDelimiter() {
        if (newDelimiterLength == 0) {
            return;
        }
        delimiter = Arrays.copyOf(newDelimiter, newDelimiterLength);
        singleDelimiter = delimiter.length == 1 ? delimiter[0] & 0xff : -1;
        failure = new int[delimiter.length];
        for (int k = 1, m = 0; k < delimiter.length; k++) {
            while (m > 0 && delimiter[k] != delimiter[m]) {
                m = failure[m - 1];
            }
            if (delimiter[k] == delimiter[m]) {
                m++;
            }
            failure[k] = m;
        }
        matched = 0;
    }

    private void endStatement() {
        statements++;
        if (statementIsCreate && nameLength > 0) {
            counter(false);
        } else if (tuples > 0 && nameLength > 0) {
            counter(true)[0] += tuples;
        }
        parse = P_START;
        inVersioned = false;
        statementIsCreate = false;
        capturing = false;
        depth = 0;
        tuples = 0;
        nameLength = 0;
        wordLength = 0;
        matched = 0;
    }

    private long[] counter(boolean insert) {
        if (insert
                && lastInsertCount != null
                && Arrays.equals(lastInsertName, 0, lastInsertName.length, name, 0, nameLength)) {
            return lastInsertCount;
        }
        String table = new String(name, 0, nameLength, StandardCharsets.UTF_8);
        long[] count = rows.computeIfAbsent(table, t -> new long[1]);
        if (insert) {
            lastInsertName = Arrays.copyOf(name, nameLength);
            lastInsertCount = count;
        }
        return count;
    }
}
