package io.bulwark.localstack.cli;

import io.bulwark.contracts.EventJson;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * The options every client command shares ({@code @Mixin}): where the API is ({@code --url}), the token ({@code
 * --token-file}), the retention service ({@code --retention-url}), {@code --json} and {@code --width}; resolved by
 * {@link Connection}. Also the command's output: {@link #out()}, {@link #json(JsonNode)}, {@link #table(Table)}.
 */
public final class ApiOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description =
                    "The scheduler's API (default: env BULWARK_URL, else .bulwark/up.json written by ./bulwark up).")
    String url;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "File holding the API token (default: env BULWARK_TOKEN, else the admin token ./bulwark up"
                    + " made).")
    Path tokenFile;

    @Option(
            names = "--retention-url",
            paramLabel = "URL",
            description = "The retention service (default: env BULWARK_RETENTION_URL, else .bulwark/up.json).")
    String retentionUrl;

    @Option(names = "--json", description = "Print the API's JSON answer as is (pretty).")
    boolean json;

    @Option(
            names = "--width",
            paramLabel = "N",
            description = "Width of tables (default: env COLUMNS, else the terminal's, else 120).")
    Integer width;

    /** The environment the connection is resolved from (tests replace it). */
    static Map<String, String> environment = System.getenv();

    /** The working folder holding {@code .bulwark/up.json} (tests replace it). */
    static Path workingDir = Path.of("");

    private Connection connection;

    /** True when {@code --json} was given. */
    public boolean json() {
        return json;
    }

    /**
     * The resolved connection.
     *
     * @throws CliException ({@link CliExit#USAGE}) when no API URL is known
     */
    public Connection connection() {
        if (connection == null) {
            connection = Connection.resolve(url, tokenFile, retentionUrl, environment, workingDir.toAbsolutePath());
        }
        return connection;
    }

    /** A client of the scheduler's API. */
    public ApiClient api() {
        return new ApiClient(connection().apiUrl(), connection().token());
    }

    /**
     * A client of the retention service's API.
     *
     * @throws CliException ({@link CliExit#USAGE}) when its URL is unknown
     */
    public ApiClient retention() {
        Connection c = connection();
        if (c.retentionUrl() == null) {
            throw CliException.usage("no retention service URL: pass --retention-url or set BULWARK_RETENTION_URL");
        }
        return new ApiClient(c.retentionUrl(), c.token());
    }

    /** The command's standard output. */
    public PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    /** The command's standard error. */
    public PrintWriter err() {
        return mixee.commandLine().getErr();
    }

    /** Prints {@code node} as pretty JSON (nothing for null). */
    public void json(JsonNode node) {
        if (node != null) {
            out().println(EventJson.toPrettyString(node));
        }
        out().flush();
    }

    /** Prints {@code table} at the terminal's width. */
    public void table(Table table) {
        table.print(out(), width());
    }

    /**
     * Prints one API object: as its JSON with {@code --json}, else as a {@link Details} table.
     *
     * @param node the API's answer
     * @return {@link CliExit#OK}
     */
    public int details(JsonNode node) {
        if (json()) {
            json(node);
        } else {
            table(Details.of(node));
        }
        return CliExit.OK;
    }

    /**
     * Prints a page of the API ({@code {"items": [...]}}): as its JSON with {@code --json}, else {@code table} with
     * one row per item.
     *
     * @param answer the API's answer
     * @param table the empty table, with its headers
     * @param row an item's cells, one per column
     * @return {@link CliExit#OK}
     */
    public int items(JsonNode answer, Table table, Function<JsonNode, Object[]> row) {
        if (json()) {
            json(answer);
            return CliExit.OK;
        }
        for (JsonNode item : answer.path("items")) {
            table.row(row.apply(item));
        }
        table(table);
        return CliExit.OK;
    }

    /** The width tables fit: {@code --width}, else env COLUMNS, else the terminal's ({@code stty size}), else 120. */
    public int width() {
        if (width != null && width > 0) {
            return width;
        }
        return terminalWidth(environment);
    }

    /** Env COLUMNS when it is a positive number, else the terminal's width when there is one, else 120. */
    static int terminalWidth(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // not set: ask the terminal
        }
        if (System.console() != null && new File("/dev/tty").canRead()) {
            try {
                Process stty = new ProcessBuilder("stty", "size")
                        .redirectInput(new File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0 && answer.contains(" ")) {
                    int columns = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
                    if (columns > 0) {
                        return columns;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // no stty: the default
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 120;
    }
}
