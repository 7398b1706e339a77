package io.bulwark.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.EventJson;
import io.bulwark.localstack.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The client commands run in-process ({@link LocalStack#commandLine()}) against {@link FakeApi}, a canned double of
 * the scheduler's API: what they ask, what they print, how they end.
 */
class CliCommandsTest {

    private static final String ID = "0b5d6a1e-58a4-4c4f-9c1e-7d1c1f0a2b3c";

    @TempDir
    Path dir;

    private final FakeApi api = new FakeApi();
    private Path tokenFile;
    private String out;
    private String err;

    @BeforeEach
    void connect() throws IOException {
        tokenFile = Files.writeString(dir.resolve("admin.token"), "secret-token\n");
        new UpFile(api.url(), api.url() + "/console/", null, null, tokenFile.toString(), api.url())
                .write(UpFile.in(dir));
        ApiOptions.environment = Map.of("COLUMNS", "200");
        ApiOptions.workingDir = dir;
        BackupCommand.pollInterval = Duration.ofMillis(10);
    }

    @AfterEach
    void restore() {
        api.close();
        ApiOptions.environment = System.getenv();
        ApiOptions.workingDir = Path.of("");
        BackupCommand.pollInterval = Duration.ofSeconds(1);
    }

    private int run(String... args) {
        CommandLine cli = LocalStack.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static String backup(String state) {
        return "{\"backupId\":\"" + ID + "\",\"targetId\":\"chinook\",\"state\":\"" + state
                + "\",\"tier\":\"DAILY\",\"requestedAt\":\"2026-12-03T07:00:00Z\",\"storedBytes\":"
                + ("REQUESTED".equals(state) ? "null" : "1572864") + ",\"verifiedAt\":null,\"failedChecks\":[]}";
    }

    @Test
    void listsBackupsAsATableWithTheTokenFromUpJson() {
        api.on("GET /api/backups?targetId=chinook&limit=5", "{\"items\":[" + backup("VERIFIED") + "],\"limit\":5}");

        int code = run("backup", "list", "--target", "chinook", "--limit", "5");

        assertThat(code).as(err).isZero();
        assertThat(out.lines().toList()).first().asString().startsWith("ID").contains("TARGET", "STATE", "STORED");
        assertThat(out).contains(ID + "  chinook  VERIFIED  DAILY  2026-12-03 07:00:00Z  1.5 MiB");
        assertThat(api.requests)
                .singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer secret-token"));
    }

    @Test
    void printsTheApisJsonAsIsWithJson() {
        String body = "{\"items\":[" + backup("VERIFIED") + "],\"limit\":50}";
        api.on("GET /api/backups", body);

        assertThat(run("backup", "list", "--json")).isZero();

        assertThat(EventJson.mapper().readTree(out))
                .isEqualTo(EventJson.mapper().readTree(body));
        assertThat(out).contains("\n  \"items\"");
    }

    @Test
    void followsACreatedBackupUntilVerifiedAndExitsZero() {
        api.on(
                "POST /api/backups",
                "{\"backupId\":\"" + ID + "\",\"requestId\":\"" + ID + "\",\"targetId\":\"chinook\"}");
        api.on(
                "GET /api/activity",
                "{\"backups\":[{\"backupId\":\"" + ID
                        + "\",\"targetId\":\"chinook\",\"phase\":\"QUEUED\"}],\"restores\":[]}",
                "{\"backups\":[{\"backupId\":\"" + ID + "\",\"targetId\":\"chinook\",\"phase\":\"DUMPING\","
                        + "\"bytesWritten\":1048576,\"expectedBytes\":2097152,\"percent\":50}],\"restores\":[]}",
                "{\"backups\":[{\"backupId\":\"" + ID
                        + "\",\"targetId\":\"chinook\",\"phase\":\"VERIFYING\"}],\"restores\":[]}",
                "{\"backups\":[],\"restores\":[]}");
        api.on(
                "GET /api/backups/" + ID,
                backup("REQUESTED"),
                backup("REQUESTED"),
                backup("COMPLETED"),
                backup("VERIFIED"));

        int code = run("backup", "create", "chinook", "--label", "nightly", "--wait");

        assertThat(code).as(err).isZero();
        assertThat(err).contains(": QUEUED", ": DUMPING (1.0 MiB written)", ": VERIFYING");
        assertThat(out).contains("backup " + ID + " of chinook: VERIFIED, 1.5 MiB stored");
        assertThat(api.requests.getFirst().body()).isEqualTo("{\"targetId\":\"chinook\",\"label\":\"nightly\"}");
    }

    @Test
    void exitsOneWhenTheBackupDoesNotEndVerifiedAndPrintsItsJson() {
        api.on("POST /api/backups", "{\"backupId\":\"" + ID + "\"}");
        api.on("GET /api/backups/" + ID, backup("VERIFICATION_FAILED"));

        int code = run("backup", "create", "chinook", "--wait", "--json");

        assertThat(code).isEqualTo(CliExit.NOT_PASSED);
        assertThat(EventJson.mapper().readTree(out).get("state").asString()).isEqualTo("VERIFICATION_FAILED");
        assertThat(err).as("no /api/activity is tolerated").contains("VERIFICATION_FAILED");
    }

    @Test
    void givesUpAfterTheTimeoutWithExitFive() {
        api.on("POST /api/backups", "{\"backupId\":\"" + ID + "\"}");
        api.on("GET /api/backups/" + ID, backup("REQUESTED"));

        int code = run("backup", "create", "chinook", "--wait", "--timeout", "200ms");

        assertThat(code).isEqualTo(CliExit.TIMEOUT);
        assertThat(err).contains("did not end within").contains("QUEUED");
    }

    @Test
    void namesTheCauseOfARefusalWithoutAStackTrace() {
        api.answer("GET /api/backups/nope", 400, "{\"title\":\"Bad Request\",\"detail\":\"backupId must be a UUID\"}");

        int code = run("backup", "show", "nope");

        assertThat(code).isEqualTo(CliExit.REFUSED);
        assertThat(err.strip()).isEqualTo("bulwark: 400: backupId must be a UUID");
    }

    @Test
    void showsABackupAndItsCopiesAsATableOfTheirOwn() {
        String sha = "5e".repeat(32);
        api.on(
                "GET /api/backups/b1",
                "{\"backupId\":\"b1\",\"targetId\":\"chinook\",\"state\":\"VERIFIED\",\"copies\":[{\"copyId\":"
                        + "\"offsite\",\"state\":\"COPIED\",\"sha256\":\"" + sha + "\",\"bytes\":2048,"
                        + "\"detail\":null,\"updatedAt\":\"2026-12-03T07:10:00Z\"}]}");

        assertThat(run("backup", "show", "b1")).as(err).isZero();

        assertThat(out).contains("targetId").contains("chinook").doesNotContain("\"copyId\"");
        assertThat(out).contains("COPY").contains("SHA-256").containsPattern("offsite +COPIED +" + sha + " +2");
    }

    @Test
    void tellsToSetATokenWhenTheApiAnswers401() {
        api.answer("GET /api/targets", 401, "");

        int code = run("targets", "--token-file", tokenFile.toString());

        assertThat(code).isEqualTo(CliExit.REFUSED);
        assertThat(err)
                .contains("401: the token is missing or expired (set BULWARK_TOKEN or --token-file)")
                .doesNotContain("Exception");
    }

    @Test
    void exitsFourWhenNothingListensAtTheUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        int code = run("schedules", "next", "--url", "http://127.0.0.1:" + port);

        assertThat(code).isEqualTo(CliExit.UNREACHABLE);
        assertThat(err)
                .contains("cannot reach the Bulwark API at http://127.0.0.1:" + port + ": is `./bulwark up` running?");
    }

    @Test
    void showsTheComingRunsAndSendsFiltersAsQuery() {
        api.on(
                "GET /api/schedules/next?targetId=chinook&limit=3",
                "{\"items\":[{\"targetId\":\"chinook\",\"name\":\"nightly\",\"at\":\"2026-12-04T02:00:00Z\","
                        + "\"cron\":\"0 0 2 * * *\",\"zone\":\"UTC\",\"tier\":\"DAILY\"}]}");

        assertThat(run("schedules", "next", "--target", "chinook", "--limit", "3"))
                .as(err)
                .isZero();

        assertThat(out).contains("2026-12-04 02:00:00Z  chinook  nightly  DAILY  0 0 2 * * *  UTC");
    }

    @Test
    void updatesOnlyWhatIsGivenAndKeepsTheRest() {
        String path = "/api/schedules/chinook/nightly";
        api.on(
                "GET " + path,
                "{\"targetId\":\"chinook\",\"name\":\"nightly\",\"cron\":\"0 0 2 * * *\",\"zone\":\"UTC\","
                        + "\"tier\":\"DAILY\",\"label\":null,\"enabled\":true,\"source\":\"API\"}");
        api.on("PUT " + path, "{\"targetId\":\"chinook\",\"name\":\"nightly\",\"cron\":\"0 30 3 * * *\"}");

        assertThat(run("schedules", "update", "chinook", "nightly", "--cron", "0 30 3 * * *", "--no-enabled"))
                .as(err)
                .isZero();

        assertThat(api.requests.get(1).body())
                .isEqualTo("{\"cron\":\"0 30 3 * * *\",\"zone\":\"UTC\",\"tier\":\"DAILY\",\"enabled\":false}");
        assertThat(out).contains("cron").contains("0 30 3 * * *");
    }

    @Test
    void showsTheConflictOfAConfiguredSchedule() {
        api.answer("DELETE /api/schedules/chinook/nightly", 409, "{\"detail\":\"declared in configuration\"}");

        assertThat(run("schedules", "delete", "chinook", "nightly")).isEqualTo(CliExit.REFUSED);
        assertThat(err).contains("409: declared in configuration");
    }

    @Test
    void drawsOneFrameOfProgressBarsWithOnce() {
        api.on(
                "GET /api/activity",
                "{\"backups\":[{\"backupId\":\"" + ID + "\",\"targetId\":\"chinook\",\"phase\":\"DUMPING\","
                        + "\"bytesWritten\":1048576,\"expectedBytes\":2097152,\"percent\":50,\"elapsedMillis\":4000}],"
                        + "\"restores\":[{\"restoreId\":\"11111111-2222-3333-4444-555555555555\",\"targetId\":\"chinook\","
                        + "\"state\":\"RUNNING\",\"phase\":\"RESTORE\",\"progress\":{\"bytesRead\":10,\"bytesTotal\":40,"
                        + "\"percent\":25,\"etaSeconds\":3}}]}");

        assertThat(run("watch", "--once", "--width", "100")).as(err).isZero();

        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("1 backup(s), 1 restore(s) running");
        assertThat(lines.get(1))
                .startsWith("backup  chinook 0b5d6a1e")
                .contains("DUMPING", "##", "..", " 50%", "1.0 MiB of ~2.0 MiB", "4.0s");
        assertThat(lines.get(2)).startsWith("restore chinook 11111111").contains("RESTORE", " 25%", "ETA 3.0s");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    private static final String PLAN = "{\"targetId\":\"chinook\",\"policy\":\"keep-daily=7 keep-weekly=4\","
            + "\"zone\":\"Europe/Berlin\",\"preview\":%s,\"keep\":1,\"delete\":1,\"backups\":[{\"backupId\":\"" + ID
            + "\",\"label\":\"nightly\",\"tier\":\"DAILY\",\"completedAt\":\"2026-12-01T02:00:00Z\",\"outcome\":"
            + "\"PASSED\",\"action\":\"KEEP\",\"rules\":[\"daily 2026-12-01\",\"weekly 2026-W49\"],\"reason\":"
            + "\"daily 2026-12-01, weekly 2026-W49\"},{\"backupId\":\"11111111-58a4-4c4f-9c1e-7d1c1f0a2b3c\","
            + "\"label\":\"nightly\",\"tier\":\"DAILY\",\"completedAt\":\"2026-11-20T02:00:00Z\",\"outcome\":"
            + "\"FAILED\",\"action\":\"DELETE\",\"rules\":[\"keep-failed: FAILED 13d ago (kept 7d)\"],"
            + "\"reason\":\"keep-failed: FAILED 13d ago (kept 7d)\"}]}";

    @Test
    void asksTheRetentionServiceForAPlanAndPrintsTheRulePerBackup() {
        api.on("GET /api/retention/chinook", PLAN.formatted("false"));

        assertThat(run("retention", "plan", "chinook")).as(err).isZero();

        assertThat(out)
                .contains("target chinook, policy keep-daily=7 keep-weekly=4, zone Europe/Berlin: 1 keep, 1 delete")
                .doesNotContain("(preview)")
                .contains(ID + "  nightly  DAILY  2026-12-01 02:00:00Z  PASSED   KEEP    daily 2026-12-01, weekly"
                        + " 2026-W49")
                .contains("FAILED   DELETE  keep-failed: FAILED 13d ago (kept 7d)");
    }

    @Test
    void previewsAnotherPolicyWithTheKeepOptions() {
        api.on(
                "GET /api/retention/chinook?keepLast=0&keepDaily=14&keepWithin=30d&keepFailed=3d",
                PLAN.formatted("true"));

        assertThat(run(
                        "retention",
                        "plan",
                        "chinook",
                        "--keep-daily",
                        "14",
                        "--keep-within",
                        "30d",
                        "--keep-last",
                        "0",
                        "--keep-failed",
                        "3d"))
                .as(err)
                .isZero();

        assertThat(out).contains("(preview)");
        assertThat(run("retention", "plan", "chinook", "--keep-daily", "x")).isEqualTo(CliExit.USAGE);
    }

    @Test
    void printsThePlanAsJson() {
        api.on("GET /api/retention/chinook", PLAN.formatted("false"));

        assertThat(run("retention", "plan", "chinook", "--json")).as(err).isZero();

        assertThat(EventJson.mapper()
                        .readTree(out)
                        .path("backups")
                        .get(1)
                        .path("rules")
                        .get(0)
                        .asString())
                .isEqualTo("keep-failed: FAILED 13d ago (kept 7d)");
    }

    @Test
    void holdsReleasesAndDeletesABackupThroughTheRetentionService() {
        api.answer(
                "POST /api/backups/" + ID + "/hold",
                201,
                "{\"backupId\":\"" + ID + "\",\"reason\":\"legal: case 42\",\"heldBy\":\"admin\","
                        + "\"heldAt\":\"2026-12-03T07:00:00Z\",\"until\":\"2027-06-30T00:00:00Z\","
                        + "\"standing\":true,\"objectLock\":\"UNSUPPORTED\"}");
        api.answer("DELETE /api/backups/" + ID + "/hold", 204, "");
        api.on(
                "DELETE /api/backups/" + ID + "?confirm=" + ID,
                "{\"backupId\":\"" + ID + "\",\"targetId\":\"chinook\",\"reason\":\"MANUAL\","
                        + "\"policy\":\"manual: deleted by admin\",\"objectsDeleted\":3,\"bytesReclaimed\":1572864}");

        assertThat(run("backup", "hold", ID, "--reason", "legal: case 42", "--until", "2027-06-30T00:00:00Z"))
                .as(err)
                .isZero();
        assertThat(out)
                .contains("held until 2027-06-30")
                .contains("legal: case 42")
                .contains("object lock: UNSUPPORTED");
        assertThat(api.requests.getLast().body())
                .isEqualTo("{\"reason\":\"legal: case 42\",\"until\":\"2027-06-30T00:00:00Z\"}");
        assertThat(api.requests.getLast().authorization()).isEqualTo("Bearer secret-token");

        assertThat(run("backup", "release", ID)).as(err).isZero();
        assertThat(out).contains("hold on backup " + ID + " released");

        assertThat(run("backup", "delete", ID, "--confirm", ID)).as(err).isZero();
        assertThat(out).contains("backup " + ID + " deleted: 3 objects, 1.5 MiB reclaimed");
    }

    @Test
    void showsWhyAHeldBackupIsNotDeleted() {
        api.answer(
                "DELETE /api/backups/" + ID + "?confirm=" + ID,
                409,
                "{\"detail\":\"backup " + ID + " is held since 2026-12-03T07:00:00Z by admin (legal)\"}");

        assertThat(run("backup", "delete", ID, "--confirm", ID)).isEqualTo(CliExit.REFUSED);
        assertThat(err).contains("409: backup " + ID + " is held");
    }

    @Test
    void printsABashCompletionScriptThatKnowsTheCommands() {
        assertThat(run("completion")).isZero();

        assertThat(out)
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F")
                .contains("schedules")
                .contains("watch");
    }

    @Test
    void answersUnknownOptionsWithTheUsageExitCode() {
        List<String> none = new ArrayList<>();
        assertThat(run("backup", "list", "--no-such-option")).isEqualTo(CliExit.USAGE);
        assertThat(api.requests).isEqualTo(none);
    }

    @Test
    void followsARequestedRestoreAndExitsOneWhenItFailed() {
        String restoreId = "11111111-2222-3333-4444-555555555555";
        api.on(
                "POST /api/backups/" + ID + "/restore",
                "{\"restoreId\":\"" + restoreId + "\",\"backupId\":\"" + ID + "\",\"state\":\"REQUESTED\"}");
        api.on(
                "GET /api/restores/" + restoreId,
                "{\"restoreId\":\"" + restoreId + "\",\"backupId\":\"" + ID + "\",\"state\":\"RUNNING\","
                        + "\"phase\":\"RESTORE\",\"progress\":{\"bytesRead\":5,\"bytesTotal\":10,\"percent\":50}}",
                "{\"restoreId\":\"" + restoreId + "\",\"backupId\":\"" + ID + "\",\"state\":\"FAILED\","
                        + "\"reason\":\"RESTORE_TOOL_FAILED\",\"message\":\"pg_restore exited 1\"}");

        int code = run("backup", "restore", ID, "--destination", "staging", "--table", "public.album", "--wait");

        assertThat(code).isEqualTo(CliExit.NOT_PASSED);
        assertThat(api.requests.getFirst().body())
                .isEqualTo("{\"destinationId\":\"staging\",\"tables\":[\"public.album\"]}");
        assertThat(err).contains("restore " + restoreId + ": RESTORE");
        assertThat(out).contains(": FAILED: RESTORE_TOOL_FAILED pg_restore exited 1");
    }

    @Test
    void listsTheOpenAlertsAndWithAllTheResolvedOnesToo() {
        String open = "{\"alertId\":\"" + ID + "\",\"targetId\":\"chinook\",\"kind\":\"RPO_BREACH\","
                + "\"severity\":\"CRITICAL\",\"state\":\"ESCALATED\",\"escalationLevel\":2,\"summary\":"
                + "\"chinook: no verified backup for 26h; RPO is 25h\",\"openedAt\":\"2026-12-03T07:00:00Z\"}";
        String resolved = "{\"alertId\":\"11111111-2222-3333-4444-555555555555\",\"targetId\":\"_all\","
                + "\"kind\":\"OBJECT_STORE_UNREACHABLE\",\"severity\":\"CRITICAL\",\"state\":\"RESOLVED\","
                + "\"escalationLevel\":0,\"summary\":\"object store does not answer\","
                + "\"openedAt\":\"2026-12-02T07:00:00Z\"}";
        api.on("GET /api/alerts", "{\"items\":[" + open + "],\"limit\":50}");
        api.on("GET /api/alerts?state=all", "{\"items\":[" + open + "," + resolved + "],\"limit\":50}");

        assertThat(run("alerts", "--width", "200")).as(err).isZero();

        assertThat(out.lines().toList()).first().asString().startsWith("OPENED").contains("KIND", "SEVERITY");
        assertThat(out)
                .contains("2026-12-03 07:00:00Z  chinook  RPO_BREACH  CRITICAL  ESCALATED  2      chinook: no verified"
                        + " backup for 26h; RPO is 25h")
                .doesNotContain("OBJECT_STORE_UNREACHABLE");

        assertThat(run("alerts", "--all", "--json")).as(err).isZero();

        assertThat(EventJson.mapper()
                        .readTree(out)
                        .get("items")
                        .get(1)
                        .get("state")
                        .asString())
                .isEqualTo("RESOLVED");
        assertThat(api.requests)
                .extracting(FakeApi.Request::path)
                .containsExactly("/api/alerts", "/api/alerts?state=all");
    }

    @Test
    void listsTheExitCodesInEveryClientCommandsHelp() {
        assertThat(run("schedules", "run", "--help")).isZero();

        assertThat(out).contains("Exit codes:").contains("5   --wait timed out").contains("--token-file");
        assertThat(run("backup", "--help")).isZero();
        assertThat(out).contains("3   the API refused the call");
    }

    @Test
    void showsTargetsWithTheirHealthAgainstTheRpo() {
        api.on(
                "GET /api/targets",
                "{\"items\":[{\"id\":\"chinook\",\"engine\":\"POSTGRESQL\",\"rpo\":\"PT25H\",\"rto\":\"PT1H\","
                        + "\"rpoSeconds\":90000,\"rtoSeconds\":3600,\"health\":\"AMBER\",\"healthReason\":"
                        + "\"newest verified backup is 21h old (80% of the RPO)\",\"lastBackup\":null,"
                        + "\"lastVerified\":{\"backupId\":\"" + ID + "\",\"completedAt\":\"2026-12-02T10:00:00Z\","
                        + "\"verifiedAt\":\"2026-12-02T10:01:00Z\",\"ageSeconds\":75600},\"storedBytes\":3145728,"
                        + "\"backupCount\":4,\"nextRuns\":[{\"name\":\"nightly\",\"at\":\"2026-12-04T02:00:00Z\"}]}]}");

        assertThat(run("targets")).as(err).isZero();

        assertThat(out)
                .contains("chinook  POSTGRESQL  AMBER   2026-12-02 10:01:00Z  21h 00m  1d 01h  1h 00m  4        3.0 MiB"
                        + "  2026-12-04 02:00:00Z  newest verified");
    }

    @Test
    void showsStatisticsWindowsAndDurations() {
        api.on(
                "GET /api/statistics?targetId=chinook&days=7",
                "{\"targetId\":\"chinook\",\"days\":7,\"from\":\"2026-11-26T08:00:00Z\",\"to\":\"2026-12-03T08:00:00Z\","
                        + "\"windows\":{\"7d\":{\"backups\":8,\"succeeded\":7,\"failed\":1,\"successRate\":0.875,"
                        + "\"verifications\":7,\"passed\":7,\"verificationPassRate\":1.0},\"30d\":{\"backups\":8,"
                        + "\"succeeded\":7,\"failed\":1,\"successRate\":0.875,\"verifications\":0,\"passed\":0,"
                        + "\"verificationPassRate\":null}},"
                        + "\"dumpMillis\":{\"count\":7,\"p50\":4200,\"p95\":9100,\"trend\":-300},"
                        + "\"verifyMillis\":{\"count\":7,\"p50\":65000,\"p95\":70000,\"trend\":null},"
                        + "\"restoreMillis\":{\"count\":0,\"p50\":null,\"p95\":null,\"trend\":null},"
                        + "\"artifactBytes\":{\"latest\":1048576,\"p50\":1000000,\"growthPercent\":4.9},"
                        + "\"storedBytes\":8388608,\"rtoMillis\":null,\"rpoSeconds\":3600,\"lastVerified\":null,"
                        + "\"nextRuns\":[],\"series\":[]}");

        assertThat(run("stats", "chinook", "--days", "7")).as(err).isZero();

        assertThat(out)
                .contains("target chinook, 7 days (2026-11-26 08:00:00Z to 2026-12-03 08:00:00Z)")
                .contains("7d      8        7          1       87.5%    7         7       100.0%")
                .contains("30d     8        7          1       87.5%    0         0       -")
                .contains("dump      7      4.2s    9.1s    -300ms")
                .contains("verify    7      1m 05s  1m 10s  -")
                .contains("artifact: latest 1.0 MiB, p50 977 KiB, growth +4.9%; stored 8.0 MiB")
                .contains("last verified: never; objectives: RTO -, RPO 1h 00m");
    }

    private static final String REPORT = "{\"reportId\":\"" + ID + "\",\"trigger\":\"MANUAL\","
            + "\"periodStart\":\"2026-11-26T08:00:00Z\",\"periodEnd\":\"2026-12-03T08:00:00Z\","
            + "\"issuedAt\":\"2026-12-03T08:00:00Z\",\"publishedAt\":\"2026-12-03T08:00:01Z\","
            + "\"eventId\":\"" + ID + "\",\"link\":\"http://127.0.0.1:8080/console/\",\"targets\":["
            + "{\"targetId\":\"chinook\",\"backupsTaken\":6,\"backupsVerified\":5,\"backupsFailed\":2,"
            + "\"rpoSeconds\":90000,\"rpoMet\":true,\"rtoSeconds\":3600,\"restoreP95Seconds\":4000.0,"
            + "\"rtoMet\":false,\"latestVerifiedAt\":\"2026-12-02T08:01:00Z\",\"storageBytes\":3145728,"
            + "\"storageGrowthBytes\":-1048576,\"openAlerts\":2},"
            + "{\"targetId\":\"fresh\",\"backupsTaken\":0,\"backupsVerified\":0,\"backupsFailed\":0,"
            + "\"rpoSeconds\":3600,\"rpoMet\":false,\"rtoSeconds\":600,\"restoreP95Seconds\":null,"
            + "\"rtoMet\":null,\"latestVerifiedAt\":null,\"storageBytes\":0,\"storageGrowthBytes\":0,"
            + "\"openAlerts\":0}]}";

    @Test
    void showsTheNewestBackupReportOnePerTarget() {
        api.on("GET /api/reports?limit=1", "{\"items\":[" + REPORT + "],\"limit\":1}");

        assertThat(run("report")).as(err).isZero();

        assertThat(api.requests).extracting(FakeApi.Request::method).containsOnly("GET");
        assertThat(out)
                .contains("backup report " + ID + " (MANUAL), 2026-11-26 08:00:00Z to 2026-12-03 08:00:00Z;"
                        + " published 2026-12-03 08:00:01Z")
                .contains("chinook  6      5         2       1d 01h  yes      2026-12-02 08:01:00Z  1h 00m "
                        + "  1h 06m       NO       3.0 MiB  -1.0 MiB  2")
                .contains("fresh    0      0         0       1h 00m  NO       -                     10m 00s"
                        + "  -            -        0 B      +0 B      0")
                .contains("dashboard: http://127.0.0.1:8080/console/");
    }

    @Test
    void sendsABackupReportNowAndPrintsItsJson() {
        api.answer("POST /api/reports", 201, REPORT);

        assertThat(run("report", "--send", "--json")).as(err).isZero();

        assertThat(api.requests)
                .singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
        assertThat(EventJson.mapper()
                        .readTree(out)
                        .get("targets")
                        .get(0)
                        .get("openAlerts")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void saysSoWhenThereIsNoBackupReportYet() {
        api.on("GET /api/reports?limit=1", "{\"items\":[],\"limit\":1}");

        assertThat(run("report")).as(err).isZero();

        assertThat(out).contains("no backup report yet; ./bulwark report --send issues one");
    }

    @Test
    void waitsForTheNewVerdictOfAReverifiedBackup() {
        String before = backup("VERIFIED").replace("\"verifiedAt\":null", "\"verifiedAt\":\"2026-12-01T00:00:00Z\"");
        String after = backup("VERIFIED").replace("\"verifiedAt\":null", "\"verifiedAt\":\"2026-12-03T08:00:00Z\"");
        api.on("POST /api/backups/" + ID + "/verify", "{\"requestId\":\"" + ID + "\"}");
        api.on("GET /api/backups/" + ID, before, before, before, after);

        assertThat(run("backup", "verify", ID, "--wait")).as(err).isZero();

        assertThat(api.requests.stream()
                        .filter(r -> r.path().equals("/api/backups/" + ID))
                        .count())
                .as("polled until verifiedAt changed")
                .isEqualTo(4);
        assertThat(out).contains(": VERIFIED");
    }
}
