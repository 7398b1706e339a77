package io.bulwark.localstack;

import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.TableRows;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The restore half of {@code bulwark demo --restore-to URL}: after the backup's verification PASSED, asks the
 * scheduler to restore it ({@code POST /api/backups/{id}/restore}) into the configured destination {@value
 * #DESTINATION_ID}, so that it goes the event-driven way (scheduler, Kafka, verifier); follows {@code GET
 * /api/restores/{id}}, printing each change of state, phase or percent; then prints the proven-restore report ({@code
 * restore.json}, read from the object store) and writes it to {@code --restore-report-json}.
 */
final class DemoRestore {

    /** The id of the destination the demo configures ({@code bulwark.restore.destinations.demo}). */
    static final String DESTINATION_ID = "demo";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Pattern AUTHORITY_END = Pattern.compile("[/?#]");

    /**
     * Where {@code --restore-to} points: a server, and optionally the database to restore into. {@link #toString()}
     * never shows the password.
     *
     * @param engine the server's engine
     * @param host server host
     * @param port server port
     * @param username the user the verifier restores as (it must be allowed to create databases)
     * @param password its password, or {@code null}
     * @param database the database to restore into, or {@code null} for a new one named {@code
     *     <source db>_restored_<UTC>}
     */
    record Destination(
            DatabaseLocation.Engine engine, String host, int port, String username, String password, String database) {

        /** The destination id, engine, server and user, for the shared configuration file (password aside). */
        ConfigFile.Destination configured(Path passwordFile) {
            return new ConfigFile.Destination(DESTINATION_ID, engine, host, port, username, passwordFile);
        }

        /** {@code <engine>://host:port[/database] (as user)}: never a URL with user-info. */
        String displayUrl() {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return engine.configName() + "://" + h + ":" + port + (database == null ? "" : "/" + database) + " (as "
                    + username + ")";
        }

        @Override
        public String toString() {
            return displayUrl() + (password == null ? "" : " (password set)");
        }
    }

    private final Destination destination;
    private final List<String> tables;
    private final Path reportJson;
    private final Duration timeout;

    /**
     * @param destination where to restore
     * @param tables the tables to restore, empty for all
     * @param reportJson where to write {@code restore.json}, or null
     * @param timeout how long the restore may take
     */
    DemoRestore(Destination destination, List<String> tables, Path reportJson, Duration timeout) {
        this.destination = Objects.requireNonNull(destination, "destination");
        this.tables = tables == null ? List.of() : List.copyOf(tables);
        this.reportJson = reportJson;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Parses {@code --restore-to}: a PostgreSQL or MySQL/MariaDB URL as {@link DatabaseLocation#parse} reads it,
     * whose database name may be left out ({@code postgresql://postgres@127.0.0.1:5432}).
     *
     * @throws IllegalArgumentException naming what is wrong, never repeating the password
     */
    static Destination parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "--restore-to is empty; use " + DatabaseLocation.URL_FORMS + ", the database name being optional");
        }
        String raw = url.strip();
        int scheme = raw.indexOf("://");
        boolean named = true;
        if (scheme > 0) {
            int authorityStart = scheme + 3;
            Matcher end = AUTHORITY_END.matcher(raw);
            int authorityEnd = end.find(authorityStart) ? end.start() : raw.length();
            String rest = raw.substring(authorityEnd);
            if (rest.isEmpty()
                    || rest.startsWith("?")
                    || rest.startsWith("#")
                    || rest.startsWith("/?")
                    || rest.equals("/")) {
                named = false;
                String query = rest.startsWith("/") ? rest.substring(1) : rest;
                raw = raw.substring(0, authorityEnd) + "/unnamed" + query;
            }
        }
        DatabaseLocation parsed;
        try {
            parsed = DatabaseLocation.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--restore-to: " + e.getMessage(), e);
        }
        return new Destination(
                parsed.engine(),
                parsed.host(),
                parsed.port(),
                parsed.username(),
                parsed.password(),
                named ? parsed.database() : null);
    }

    /**
     * Checks the tables asked for against the backup's engine: {@code schema.table} on PostgreSQL, a plain table name
     * on MySQL/MariaDB.
     *
     * @throws IllegalArgumentException naming the first table that does not fit
     */
    static void checkTables(List<String> tables, DatabaseLocation.Engine engine) {
        for (String t : tables) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("--restore-table is blank");
            }
            int dot = t.indexOf('.');
            if (engine == DatabaseLocation.Engine.POSTGRESQL && (dot <= 0 || dot == t.length() - 1)) {
                throw new IllegalArgumentException(
                        "--restore-table: a PostgreSQL table is named schema.table (e.g. public.album) but was '" + t
                                + "'");
            }
            if (engine == DatabaseLocation.Engine.MARIADB && dot >= 0) {
                throw new IllegalArgumentException(
                        "--restore-table: a MySQL/MariaDB table is named without its database but was '" + t + "'");
            }
        }
    }

    /**
     * Restores {@code backupId} through the scheduler and prints what happened.
     *
     * @return 0 when the restore SUCCEEDED, {@link DemoCommand#EXIT_RESTORE_FAILED} when it was refused or FAILED,
     *     {@link LocalStack#EXIT_TIMEOUT} when it did not end in time, {@link LocalStack#EXIT_STACK_FAILED} when the
     *     report cannot be written
     */
    int run(Stack stack, SchedulerClient scheduler, UUID backupId, PrintStream out, PrintStream err) {
        SchedulerClient.RestoreRequest request = SchedulerClient.RestoreRequest.into(DESTINATION_ID)
                .database(destination.database())
                .tables(tables);
        out.println();
        out.println("Requesting the restore of backup " + backupId + " into "
                + (destination.database() == null
                        ? "a new database on " + destination.displayUrl()
                        : destination.displayUrl())
                + (tables.isEmpty() ? "" : ", tables " + String.join(", ", tables)) + " ...");
        long started = System.nanoTime();
        SchedulerClient.RestoreStatus requested;
        try {
            requested = scheduler.requestRestore(backupId, request);
        } catch (SchedulerClient.SchedulerException e) {
            if (e.status() == 0) {
                throw e;
            }
            err.println(
                    "RESTORE REFUSED (HTTP " + e.status() + "): " + (e.detail() != null ? e.detail() : e.getMessage()));
            return DemoCommand.EXIT_RESTORE_FAILED;
        }
        UUID restoreId = requested.restoreId();
        out.println("Restore " + restoreId + " requested; following GET /api/restores/" + restoreId + " (up to "
                + timeout + ")");
        Optional<SchedulerClient.RestoreStatus> last =
                scheduler.awaitRestore(restoreId, timeout, POLL_INTERVAL, s -> out.println(progressLine(s)));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        if (last.isEmpty() || !last.get().isFinal()) {
            err.println("TIMEOUT: restore " + restoreId + " did not end within " + timeout + " (last state: "
                    + last.map(SchedulerClient.RestoreStatus::state).orElse("unknown to the scheduler") + ")");
            DemoCommand.printLogs(stack, err);
            return LocalStack.EXIT_TIMEOUT;
        }
        SchedulerClient.RestoreStatus status = last.get();
        byte[] json = null;
        RestoreReport report = null;
        if (status.reportKey() != null) {
            try {
                json = Reports.read(stack.s3Client(), stack.s3().bucket(), status.reportKey());
                report = Reports.parseRestore(json);
            } catch (RuntimeException e) {
                err.println("warning: cannot read the restore report " + status.reportKey() + ": " + e.getMessage());
                json = null;
            }
        }
        if (reportJson != null) {
            try {
                Path parent = reportJson.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(reportJson, json != null ? json : status.json().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("ERROR: cannot write " + reportJson + ": " + e.getMessage());
                return LocalStack.EXIT_STACK_FAILED;
            }
        }
        out.println();
        if (report != null) {
            out.print(Reports.renderRestore(report));
        } else {
            out.println("Restore " + restoreId + ": " + status.state()
                    + (status.reason() == null ? "" : " (" + status.reason() + ")")
                    + (status.message() == null ? "" : ": " + status.message()));
        }
        out.println("Restore state: " + status.state() + "; requested to "
                + status.state().toLowerCase(Locale.ROOT) + " in " + elapsedMillis + " ms");
        if (reportJson != null) {
            out.println("Restore report written to " + reportJson.toAbsolutePath()
                    + (json == null ? " (the scheduler's view: no restore.json could be read)" : ""));
        }
        boolean succeeded =
                "SUCCEEDED".equals(status.state()) && (report == null || report.state() == RestoreState.SUCCEEDED);
        if (succeeded) {
            out.println();
            out.println("RESTORED: backup " + backupId + " restored into "
                    + (report != null && report.destination() != null
                            ? "database " + report.destination().database() + " on " + destination.displayUrl()
                            : (status.database() == null ? "" : "database " + status.database() + " on ")
                                    + destination.displayUrl())
                    + (report == null ? "" : ", " + summary(report.rows())) + ".");
            return 0;
        }
        err.println();
        err.println("RESTORE FAILED: restore " + restoreId + " of backup " + backupId + " ended " + status.state()
                + (status.reason() == null ? "" : " (" + status.reason() + ")")
                + (status.message() == null ? "" : ": " + status.message()));
        return DemoCommand.EXIT_RESTORE_FAILED;
    }

    /** One line of progress, e.g. {@code RUNNING  RESTORE  42%  1.2 MB of 2.9 MB read, ETA 3 s}. */
    static String progressLine(SchedulerClient.RestoreStatus s) {
        StringBuilder line = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-9s", s.state()));
        if (s.phase() != null) {
            line.append(String.format(Locale.ROOT, " %-8s", s.phase()));
        }
        if (s.percent() != null) {
            line.append(String.format(Locale.ROOT, " %3d%%", s.percent()));
        }
        if (s.bytesTotal() > 0) {
            line.append("  ")
                    .append(megabytes(s.bytesRead()))
                    .append(" of ")
                    .append(megabytes(s.bytesTotal()))
                    .append(" read");
        }
        if (s.etaSeconds() != null && !s.isFinal()) {
            line.append(", ETA ").append(s.etaSeconds()).append(" s");
        }
        return line.toString().stripTrailing();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String summary(List<TableRows> rows) {
        long differing = rows.stream().filter(t -> !t.matches()).count();
        if (differing > 0) {
            return differing + " of " + rows.size() + " tables with row counts other than the source's";
        }
        return rows.size() == 1
                ? "its one table with the source's row count"
                : "all " + rows.size() + " tables with their source row counts";
    }
}
