package io.bulwark.localstack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bulwark backup create|list|show|verify|report|restore}: the scheduler's backups through its API ({@code
 * /api/backups}). {@code restore} is {@link BackupRestoreCommand}; the standalone restore from the bucket stays
 * {@code bulwark restore}. {@code backup hold|release|delete} go to the retention service ({@code --retention-url},
 * env {@code BULWARK_RETENTION_URL} or up.json), which keeps the holds and deletes backups.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Request, list, show, verify, restore, hold and delete backups.",
        subcommands = {BackupRestoreCommand.class})
public final class BackupCommand {

    /** The time between two polls of {@code --wait} (tests shorten it). */
    static Duration pollInterval = Duration.ofSeconds(1);

    /**
     * {@code backup create TARGET [--label L] [--wait [--timeout D]]}.
     *
     * @return {@link CliExit#OK}, or with {@code --wait} {@link CliExit#NOT_PASSED} when the backup did not end
     *     VERIFIED
     */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Request a backup of TARGET now.")
    int create(
            @Mixin ApiOptions api,
            @Parameters(paramLabel = "TARGET", description = "A configured target.") String target,
            @Option(names = "--label", paramLabel = "L", description = "The backup's label.") String label,
            @Option(names = "--tier", paramLabel = "TIER", description = "DAILY, WEEKLY, MONTHLY, ...") String tier,
            @Mixin WaitOptions wait) {
        JsonNode answer =
                api.api().post("/api/backups", ApiClient.body("targetId", target, "label", label, "tier", tier));
        String id = idOf(answer);
        if (!wait.wait) {
            if (api.json()) {
                api.json(answer);
            } else {
                api.out().println("backup " + id + " of " + target + " requested");
                api.out().flush();
            }
            return CliExit.OK;
        }
        return waitForVerification(api, id, wait, null);
    }

    /** Follows backup {@code id} until final (and, when {@code verifiedBefore} is given, re-verified). */
    static int waitForVerification(ApiOptions api, String id, WaitOptions wait, String verifiedBefore) {
        BackupFollower follower = new BackupFollower(api.api(), api.err(), BackupFollower.onTerminal(), pollInterval);
        boolean[] sawVerifying = {false};
        JsonNode last = follower.follow(id, wait.timeout, (backup, active) -> {
            if (active) {
                sawVerifying[0] = true;
            }
            if (!BackupFollower.isFinal(backup)) {
                return false;
            }
            if (verifiedBefore == null) {
                return true;
            }
            return !Objects.equals(Text.field(backup, "verifiedAt"), verifiedBefore) || sawVerifying[0] && !active;
        });
        String state = Text.field(last, "state");
        if (api.json()) {
            api.json(last);
        } else {
            api.out().println(summary(last));
            api.out().flush();
        }
        return "VERIFIED".equals(state) ? CliExit.OK : CliExit.NOT_PASSED;
    }

    /** One line: {@code backup ID of TARGET: STATE, 12 MiB stored[, failed checks ...][: failure]}. */
    static String summary(JsonNode backup) {
        StringBuilder s = new StringBuilder("backup ")
                .append(Text.field(backup, "backupId"))
                .append(" of ")
                .append(Text.field(backup, "targetId"))
                .append(": ")
                .append(Text.field(backup, "state"));
        if (Text.number(backup, "storedBytes") >= 0) {
            s.append(", ").append(Text.bytesField(backup, "storedBytes")).append(" stored");
        }
        JsonNode failed = backup.get("failedChecks");
        if (failed != null && failed.isArray() && !failed.isEmpty()) {
            s.append(", failed checks: ");
            failed.forEach(c -> s.append(
                            c.isValueNode() ? c.asString() : c.path("name").asString())
                    .append(' '));
        }
        if (backup.hasNonNull("failureMessage")) {
            s.append(": ").append(backup.get("failureMessage").asString());
        }
        return s.toString().strip();
    }

    private static String idOf(JsonNode answer) {
        String id = Text.field(answer, "backupId");
        return Text.NONE.equals(id) ? Text.field(answer, "requestId") : id;
    }

    /** {@code backup list [--target T] [--state S] [--limit N]}: newest first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List backups, newest first.")
    int list(
            @Mixin ApiOptions api,
            @Option(names = "--target", paramLabel = "T", description = "Only this target's.") String target,
            @Option(names = "--state", paramLabel = "S", description = "Only in this state (VERIFIED, FAILED, ...).")
                    String state,
            @Option(names = "--limit", paramLabel = "N", description = "At most N.") Integer limit) {
        JsonNode answer = api.api()
                .get(ApiClient.query(
                        "/api/backups", ApiClient.params("targetId", target, "state", state, "limit", limit)));
        Table table = new Table("ID", "TARGET", "STATE", "TIER", "REQUESTED", "STORED", "LABEL").keep(0);
        return api.items(answer, table, b -> new Object[] {
            Text.field(b, "backupId"),
            Text.field(b, "targetId"),
            Text.field(b, "state"),
            Text.field(b, "tier"),
            Text.instantField(b, "requestedAt"),
            Text.bytesField(b, "storedBytes"),
            Text.field(b, "label")
        });
    }

    /**
     * {@code backup show ID}: the backup's fields, then its copies in the copy stores (3-2-1 copies) as a table of
     * their own (COPY, STATE, SHA-256, SIZE, UPDATED) when it has any; {@code --json} prints the API's answer as it is.
     */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one backup and its copies.")
    int show(@Mixin ApiOptions api, @Parameters(paramLabel = "ID", description = "The backup's id.") String id) {
        JsonNode backup = api.api().get("/api/backups/" + id);
        JsonNode copies = backup.path("copies");
        if (api.json() || !copies.isArray() || copies.isEmpty() || !(backup instanceof ObjectNode fields)) {
            return api.details(backup);
        }
        ObjectNode withoutCopies = fields.deepCopy();
        withoutCopies.remove("copies");
        api.details(withoutCopies);
        Table table = new Table("COPY", "STATE", "SHA-256", "SIZE", "UPDATED").keep(0);
        for (JsonNode copy : copies) {
            table.row(
                    Text.field(copy, "copyId"),
                    Text.field(copy, "state"),
                    Text.field(copy, "sha256"),
                    Text.bytesField(copy, "bytes"),
                    Text.instantField(copy, "updatedAt"));
        }
        api.out().println();
        api.table(table);
        return CliExit.OK;
    }

    /** {@code backup verify ID [--wait]}: verifies a backup again. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a backup again.")
    int verify(
            @Mixin ApiOptions api,
            @Parameters(paramLabel = "ID", description = "The backup's id.") String id,
            @Mixin WaitOptions wait) {
        ApiClient client = api.api();
        String verifiedBefore = wait.wait ? Text.field(client.get("/api/backups/" + id), "verifiedAt") : null;
        JsonNode answer = client.post("/api/backups/" + id + "/verify", null);
        if (!wait.wait) {
            if (api.json()) {
                api.json(answer);
            } else {
                api.out().println("verification of backup " + id + " requested");
                api.out().flush();
            }
            return CliExit.OK;
        }
        return waitForVerification(api, id, wait, verifiedBefore);
    }

    /** {@code backup report ID [--html FILE]}: the verification report. */
    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Show a backup's verification report (its checks), or save its HTML page with --html.")
    int report(
            @Mixin ApiOptions api,
            @Parameters(paramLabel = "ID", description = "The backup's id.") String id,
            @Option(names = "--html", paramLabel = "FILE", description = "Save the report's HTML page to FILE.")
                    Path html) {
        if (html != null) {
            String page = api.api().getText("/api/backups/" + id + "/report.html", "text/html");
            try {
                Files.writeString(html, page, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("cannot write " + html + ": " + e.getMessage());
            }
            api.out().println("wrote " + html.toAbsolutePath());
            api.out().flush();
            return CliExit.OK;
        }
        JsonNode report = api.api().get("/api/backups/" + id + "/report");
        if (api.json()) {
            api.json(report);
            return CliExit.OK;
        }
        api.out()
                .println("backup " + Text.field(report, "backupId") + " of " + Text.field(report, "targetId") + ": "
                        + Text.field(report, "outcome") + " (verified " + Text.instantField(report, "verifiedAt")
                        + ")");
        Table checks = new Table("CHECK", "STATUS", "TIME", "DETAIL");
        for (JsonNode c : report.path("checks")) {
            checks.row(
                    Text.field(c, "name"),
                    Text.field(c, "status"),
                    Text.millisField(c, "durationMillis"),
                    Text.field(c, "detail"));
        }
        api.table(checks);
        return CliExit.OK;
    }

    /** {@code backup hold ID --reason R [--until T]}: a hold, so that no policy and nobody deletes the backup. */
    @Command(
            name = "hold",
            mixinStandardHelpOptions = true,
            description = "Hold a backup: no retention policy and nobody deletes it until the hold is released"
                    + " (or its --until passes). Needs the admin role.")
    int hold(
            @Mixin ApiOptions api,
            @Parameters(paramLabel = "ID", description = "The backup's id.") String id,
            @Option(
                            names = "--reason",
                            required = true,
                            paramLabel = "R",
                            description = "Why it is held (at most 500 characters).")
                    String reason,
            @Option(
                            names = "--until",
                            paramLabel = "T",
                            description = "When the hold lapses by itself, an ISO-8601 instant, e.g."
                                    + " 2027-06-30T00:00:00Z; default: until released.")
                    String until) {
        JsonNode hold =
                api.retention().post("/api/backups/" + id + "/hold", ApiClient.body("reason", reason, "until", until));
        if (api.json()) {
            api.json(hold);
            return CliExit.OK;
        }
        String lapses = hold.path("until").isNull() || hold.path("until").isMissingNode()
                ? "until released"
                : "until " + Text.instantField(hold, "until");
        api.out()
                .println("backup " + id + " held " + lapses + ": " + Text.field(hold, "reason") + " (object lock: "
                        + Text.field(hold, "objectLock") + ")");
        api.out().flush();
        return CliExit.OK;
    }

    /** {@code backup release ID}: releases the hold on a backup. */
    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = "Release the hold on a backup; retention may delete it again. Needs the admin role.")
    int release(@Mixin ApiOptions api, @Parameters(paramLabel = "ID", description = "The backup's id.") String id) {
        api.retention().delete("/api/backups/" + id + "/hold");
        api.out().println("hold on backup " + id + " released");
        api.out().flush();
        return CliExit.OK;
    }

    /** {@code backup delete ID --confirm ID}: deletes every object of a backup now. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete every object of a backup now (it cannot be restored afterwards). A held backup is"
                    + " refused. Needs the admin role.")
    int delete(
            @Mixin ApiOptions api,
            @Parameters(paramLabel = "ID", description = "The backup's id.") String id,
            @Option(
                            names = "--confirm",
                            required = true,
                            paramLabel = "ID",
                            description = "The backup's id again, to confirm.")
                    String confirm) {
        JsonNode deleted =
                api.retention().delete(ApiClient.query("/api/backups/" + id, ApiClient.params("confirm", confirm)));
        if (api.json()) {
            api.json(deleted);
            return CliExit.OK;
        }
        api.out()
                .println("backup " + id + " deleted: " + Text.field(deleted, "objectsDeleted") + " objects, "
                        + Text.bytesField(deleted, "bytesReclaimed") + " reclaimed");
        api.out().flush();
        return CliExit.OK;
    }
}
