package io.bulwark.engines.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The last stream between an SQL dump and the {@code mariadb} client of a restore: it refuses statements that {@code
 * mariadb-dump} never writes and that reach outside the server, and names the restoring account as the definer of
 * every view, trigger, routine and event.
 *
 * <p><b>Refused</b> (a tripwire; the sandbox server's own options are the boundary, see {@link LocalMariaDbLayout}),
 * anywhere outside strings, quoted identifiers and comments, so also inside trigger, routine, event and view bodies:
 * {@code LOAD DATA}, {@code LOAD XML}, {@code LOAD_FILE}, {@code INTO OUTFILE}, {@code INTO DUMPFILE}, {@code
 * INSTALL}/{@code UNINSTALL PLUGIN|SONAME}, {@code SONAME} ({@code CREATE FUNCTION ... SONAME}), {@code SET GLOBAL},
 * {@code @@GLOBAL.}, {@code CREATE}/{@code ALTER SERVER} and {@code ENGINE=CONNECT|FEDERATED|FEDERATEDX} (engines that
 * read files or reach other servers). Reading stops with a {@link Refused} exception naming the word and its line; the
 * word itself is never passed on, and {@code onRefusal} runs first (the restore kills the client with it). A
 * legitimate database whose routine uses one of these words is refused too: a backup verified by restoring it must
 * not need them. Statements built at run time ({@code PREPARE} from a string) are out of its reach; the server's
 * {@code --secure-file-priv} and the restore account's missing {@code FILE} privilege stop those.
 *
 * <p><b>Definers</b>: {@code DEFINER=<user>@<host>} (any quoting, also inside executable comments such as {@code
 * /*!50017 DEFINER=`root`@`localhost`*}{@code /}) becomes {@code DEFINER=CURRENT_USER}. The restore account may not
 * name another account (that needs {@code SET USER} or {@code SUPER}), and the sandbox has none of the source's
 * accounts, so a view or trigger defined by one would fail when used. The definer is not part of the verified
 * inventory.
 *
 * <p>The lexer follows the {@code mariadb} client's: single- and double-quoted strings with backslash escapes,
 * backtick identifiers, {@code -- }, {@code #} and {@code /* *}{@code /} comments; executable comments ({@code /*!},
 * {@code /*M!}) are read as SQL. Streaming, with a few hundred bytes held back at most. Not thread-safe.
 */
public final class SqlDumpGuard extends InputStream {

    /** Reading stopped because the dump holds a statement that {@code mariadb-dump} never writes. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static final int MAX_WORD = 256;
    private static final byte[] CURRENT_USER = "CURRENT_USER".getBytes(StandardCharsets.US_ASCII);

    private static final int NORMAL = 0;
    private static final int WORD = 1;
    private static final int SQUOTE = 2;
    private static final int DQUOTE = 3;
    private static final int ESCAPE = 4;
    private static final int BACKTICK = 5;
    private static final int DASH = 6;
    private static final int DASH_DASH = 7;
    private static final int LINE_COMMENT = 8;
    private static final int SLASH = 9;
    private static final int SLASH_STAR = 10;
    private static final int SLASH_STAR_M = 11;
    private static final int BLOCK_COMMENT = 12;
    private static final int BLOCK_STAR = 13;
    // the user@host after DEFINER=, swallowed
    private static final int SPEC_START = 14;
    private static final int SPEC_QUOTED = 15;
    private static final int SPEC_QUOTE_END = 16;
    private static final int SPEC_WORD = 17;
    private static final int SPEC_AFTER_PART = 18;
    private static final int SPEC_ESCAPE = 19;

    private final InputStream in;
    private final boolean tripwire;
    private final Runnable onRefusal;
    private final byte[] chunk = new byte[64 * 1024];
    private byte[] out = new byte[128 * 1024];
    private int outStart;
    private int outEnd;
    private boolean ended;

    private int state = NORMAL;
    private int quotedState;
    private byte specQuote;
    private boolean specHost;
    private final byte[] word = new byte[MAX_WORD];
    private int wordLength;
    private boolean wordOverlong;
    private String previous = "";
    private String beforePrevious = "";
    private long line = 1;
    private long bytesRead;

    /**
     * @param dump the dump; closed with this stream
     * @param tripwire true to refuse the statements listed above; false only rewrites definers
     * @param onRefusal runs before {@link Refused} is thrown; never null
     */
    public SqlDumpGuard(InputStream dump, boolean tripwire, Runnable onRefusal) {
        this.in = Objects.requireNonNull(dump, "dump");
        this.tripwire = tripwire;
        this.onRefusal = Objects.requireNonNull(onRefusal, "onRefusal");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** @throws Refused when the dump holds a refused word (see the class comment) */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (ended) {
                return -1;
            }
            outStart = 0;
            outEnd = 0;
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                ended = true;
                finish();
            } else {
                bytesRead += n;
                for (int i = 0; i < n; i++) {
                    step(chunk[i]);
                }
            }
        }
        int n = Math.min(length, outEnd - outStart);
        System.arraycopy(out, outStart, buffer, offset, n);
        outStart += n;
        return n;
    }

    /** How many bytes of the dump were read so far (what was passed on differs by the rewritten definers). */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void step(byte b) throws Refused {
        if (b == '\n') {
            line++;
        }
        int c = b & 0xff;
        switch (state) {
            case WORD -> {
                if (isWordByte(c)) {
                    if (wordLength < MAX_WORD) {
                        word[wordLength++] = b;
                    } else {
                        emit(word, wordLength);
                        wordLength = 0;
                        wordOverlong = true;
                        emit(b);
                    }
                    return;
                }
                endWord();
                state = NORMAL;
                normal(b);
            }
            case SQUOTE, DQUOTE -> {
                emit(b);
                if (b == '\\') {
                    quotedState = state;
                    state = ESCAPE;
                } else if (b == (state == SQUOTE ? '\'' : '"')) {
                    token("'");
                    state = NORMAL;
                }
            }
            case ESCAPE -> {
                emit(b);
                state = quotedState;
            }
            case BACKTICK -> {
                emit(b);
                if (b == '`') {
                    token("`");
                    state = NORMAL;
                }
            }
            case DASH -> {
                if (b == '-') {
                    emit(b);
                    state = DASH_DASH;
                } else {
                    token("-");
                    state = NORMAL;
                    normal(b);
                }
            }
            case DASH_DASH -> {
                emit(b);
                state = c <= ' ' ? (b == '\n' ? NORMAL : LINE_COMMENT) : NORMAL;
            }
            case LINE_COMMENT -> {
                emit(b);
                if (b == '\n') {
                    state = NORMAL;
                }
            }
            case SLASH -> {
                if (b == '*') {
                    emit(b);
                    state = SLASH_STAR;
                } else {
                    token("/");
                    state = NORMAL;
                    normal(b);
                }
            }
            case SLASH_STAR -> {
                emit(b);
                state = b == '!' ? NORMAL : b == 'M' ? SLASH_STAR_M : b == '*' ? BLOCK_STAR : BLOCK_COMMENT;
            }
            case SLASH_STAR_M -> {
                emit(b);
                state = b == '!' ? NORMAL : b == '*' ? BLOCK_STAR : BLOCK_COMMENT;
            }
            case BLOCK_COMMENT -> {
                emit(b);
                if (b == '*') {
                    state = BLOCK_STAR;
                }
            }
            case BLOCK_STAR -> {
                emit(b);
                state = b == '/' ? NORMAL : b == '*' ? BLOCK_STAR : BLOCK_COMMENT;
            }
            case SPEC_START -> spec(b, c);
            case SPEC_QUOTED -> {
                if (b == specQuote) {
                    state = SPEC_QUOTE_END;
                } else if (b == '\\' && specQuote != '`') {
                    state = SPEC_ESCAPE;
                }
            }
            case SPEC_ESCAPE -> state = SPEC_QUOTED;
            case SPEC_QUOTE_END -> {
                if (b == specQuote) {
                    state = SPEC_QUOTED; // a doubled quote
                } else {
                    state = SPEC_AFTER_PART;
                    step(b);
                }
            }
            case SPEC_WORD -> {
                if (!isWordByte(c) || c == '@') {
                    state = SPEC_AFTER_PART;
                    step(b);
                }
            }
            case SPEC_AFTER_PART -> {
                if (b == '@' && !specHost) {
                    specHost = true;
                    state = SPEC_START;
                } else {
                    emit(CURRENT_USER, CURRENT_USER.length);
                    token("CURRENT_USER");
                    state = NORMAL;
                    normal(b);
                }
            }
            default -> normal(b);
        }
    }

    /** A byte in {@link #NORMAL} state. */
    private void normal(byte b) throws Refused {
        int c = b & 0xff;
        if (isWordByte(c)) {
            state = WORD;
            word[0] = b;
            wordLength = 1;
            wordOverlong = false;
            return;
        }
        if (b == '=' && previous.equals("DEFINER")) {
            emit(b);
            token("=");
            specHost = false;
            state = SPEC_START;
            return;
        }
        switch (b) {
            case '\'' -> state = SQUOTE;
            case '"' -> state = DQUOTE;
            case '`' -> state = BACKTICK;
            case '#' -> state = LINE_COMMENT;
            case '-' -> {
                state = DASH;
                emit(b);
                return;
            }
            case '/' -> {
                state = SLASH;
                emit(b);
                return;
            }
            default -> {
                if (c > ' ') {
                    token(String.valueOf((char) c));
                }
            }
        }
        emit(b);
    }

    /** The first byte of a user or host part after {@code DEFINER=} (spaces before it pass through). */
    private void spec(byte b, int c) throws Refused {
        if (c <= ' ') {
            emit(b);
        } else if (b == '`' || b == '\'' || b == '"') {
            specQuote = b;
            state = SPEC_QUOTED;
        } else if (isWordByte(c) && c != '@') {
            state = SPEC_WORD;
        } else {
            // not a user: leave it to the server
            emit(CURRENT_USER, CURRENT_USER.length);
            state = NORMAL;
            normal(b);
        }
    }

    private void endWord() throws Refused {
        if (wordOverlong) {
            emit(word, wordLength);
            wordLength = 0;
            token("?");
            return;
        }
        String text = new String(word, 0, wordLength, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        if (tripwire) {
            String refused = refused(text);
            if (refused != null) {
                onRefusal.run();
                throw new Refused("the dump holds " + refused + " (line " + line + "), which mariadb-dump never"
                        + " writes and which reaches outside the database; refused before it reached the server");
            }
        }
        emit(word, wordLength);
        wordLength = 0;
        token(text);
    }

    /** What {@code text}, after the two tokens before it, does that is refused; null when nothing. */
    private String refused(String text) {
        return switch (text) {
            case "DATA", "XML" -> previous.equals("LOAD") ? "LOAD " + text : null;
            case "LOAD_FILE" -> "LOAD_FILE";
            case "OUTFILE", "DUMPFILE" -> previous.equals("INTO") ? "INTO " + text : null;
            case "PLUGIN" -> previous.equals("INSTALL") || previous.equals("UNINSTALL") ? previous + " PLUGIN" : null;
            case "SONAME" -> "SONAME";
            case "GLOBAL" -> previous.equals("SET") ? "SET GLOBAL" : null;
            case "SERVER" -> previous.equals("CREATE") || previous.equals("ALTER") ? previous + " SERVER" : null;
            case "CONNECT", "FEDERATED", "FEDERATEDX" ->
                previous.equals("ENGINE") || (previous.equals("=") && beforePrevious.equals("ENGINE"))
                        ? "ENGINE=" + text
                        : null;
            default -> text.startsWith("@@GLOBAL") ? "@@GLOBAL" : null;
        };
    }

    private void token(String text) {
        beforePrevious = previous;
        previous = text;
    }

    private void finish() throws Refused {
        switch (state) {
            case WORD -> endWord();
            case SPEC_QUOTE_END, SPEC_WORD, SPEC_AFTER_PART -> emit(CURRENT_USER, CURRENT_USER.length);
            default -> {
                // nothing held back
            }
        }
        state = NORMAL;
    }

    private static boolean isWordByte(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c == '@'
                || c >= 0x80;
    }

    private void emit(byte b) {
        ensure(1);
        out[outEnd++] = b;
    }

    private void emit(byte[] bytes, int length) {
        ensure(length);
        System.arraycopy(bytes, 0, out, outEnd, length);
        outEnd += length;
    }

    private void ensure(int more) {
        if (outEnd + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outEnd + more));
        }
    }
}
