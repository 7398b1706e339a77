package io.bulwark.contracts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a message fit to leave a service (an event, a report, an API answer, a notification): secrets and row data
 * are cut out and the text is bounded. Applied by the records that carry such messages ({@link BackupFailed}, {@link
 * RestoreFailed}, {@link CheckResult}, {@link RestoreReport}), so every producer gets it.
 *
 * <p>What goes, each replaced by {@code ***} or {@code …}:
 *
 * <ul>
 *   <li>the user-info of a URL: {@code scheme://user:pass@host} becomes {@code scheme://***@host};
 *   <li>values of {@code password=}, {@code passwd=}, {@code pwd=}, {@code PGPASSWORD=}, {@code MYSQL_PWD=}, {@code
 *       secret-key=}, {@code access-key=}, {@code secret-access-key=}, {@code access-token=}, {@code api-key=} (also
 *       with {@code :});
 *   <li>{@code IDENTIFIED BY '...'}, {@code IDENTIFIED BY PASSWORD '...'}, {@code PASSWORD '...'}, {@code
 *       PASSWORD('...')} (account statements echoed by a server);
 *   <li>AWS access key ids ({@code AKIA}/{@code ASIA} and 16 upper-case letters or digits);
 *   <li>row data quoted by PostgreSQL ({@code DETAIL:  Key (col)=(value)}, {@code Failing row contains (...)}, the
 *       line a {@code COPY} failed on: {@code COPY t, line 3: "..."}) and by MariaDB ({@code Duplicate entry '...'},
 *       {@code Incorrect ... value: '...'}).
 * </ul>
 *
 * <p>Then the text is cut to {@value #MAX_CHARS} characters (as long as the tool-output tails the engines keep), the
 * cut said at the end. Idempotent: a redacted message redacts to itself. Stateless and thread-safe.
 */
public final class MessageRedactor {

    /** The longest message that leaves a service, in characters. */
    public static final int MAX_CHARS = 4000;

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@]+@"), "$1***@"),
            new Rule(
                    Pattern.compile("(?i)\\b(password|passwd|pwd|pgpassword|mysql_pwd|secret[-_]?key|access[-_]?key"
                            + "|(?:aws[-_]?)?secret[-_]?access[-_]?key|access[-_]?token|api[-_]?key)(\\s*[=:]\\s*)"
                            + "(?!(?:YES|NO)\\))(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)"),
                    "$1$2***"),
            new Rule(
                    Pattern.compile(
                            "(?i)\\b(IDENTIFIED\\s+(?:BY|WITH\\s+\\S+\\s+(?:BY|AS))(?:\\s+PASSWORD)?\\s*)'(?:[^'\\\\]|\\\\.|'')*'"),
                    "$1'***'"),
            new Rule(Pattern.compile("(?i)\\b(PASSWORD\\s*\\(?\\s*)'(?:[^'\\\\]|\\\\.|'')*'"), "$1'***'"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "***"),
            new Rule(
                    Pattern.compile(
                            "(Key \\([^)\\n]*\\)=\\().*?(\\)\\s+(?:already exists|is not present|is still referenced"
                                    + "|conflicts with))"),
                    "$1…$2"),
            new Rule(Pattern.compile("(Key \\([^)\\n]*\\)=\\()(?!…\\))[^\\n]*"), "$1…)"),
            new Rule(Pattern.compile("(Failing row contains )\\([^\\n]*"), "$1(…)."),
            new Rule(Pattern.compile("(COPY [^,\\n]+, line \\d+(?:, column [^:\\n]+)?: )[^\\n]*"), "$1\"…\""),
            new Rule(Pattern.compile("(Duplicate entry ')(?:[^'\\\\]|\\\\.|'')*(' for key)"), "$1…$2"),
            new Rule(Pattern.compile("(?i)(Incorrect [a-z ]+ value: ')(?:[^'\\\\]|\\\\.|'')*(')"), "$1…$2"));

    private MessageRedactor() {}

    /**
     * {@code message} without secrets and row data, at most {@value #MAX_CHARS} characters; null stays null.
     */
    public static String redact(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                text = m.replaceAll(rule.replacement());
            }
        }
        return trim(text);
    }

    /** {@code text} cut to {@value #MAX_CHARS} characters, the cut said at its end. */
    static String trim(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        String tail = "… (" + (text.length() - MAX_CHARS) + " more characters cut)";
        return text.substring(0, MAX_CHARS - tail.length() - 8) + tail;
    }
}
