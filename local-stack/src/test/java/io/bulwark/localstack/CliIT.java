package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.EventJson;
import io.bulwark.localstack.cli.CliExit;
import io.bulwark.localstack.cli.UpFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The client commands ({@code bulwark backup ...}, {@code schedules next}, {@code watch}) run in-process against a
 * real stack (the shared {@link EndToEndStack}: Kafka and S3Proxy in this JVM, the machine's PostgreSQL for the state
 * and the Chinook source, the five service jars). They find the stack through the {@code up.json} that
 * {@code ./bulwark up} would write. Endpoints an older scheduler lacks must end with a clear refusal (exit 3, the
 * problem's text), never a stack trace.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class CliIT {

    @TempDir
    static Path workDir;

    static Stack stack;
    static UpFile up;

    @BeforeAll
    static void findTheStackThroughUpJson(EndToEndStack e2e) {
        stack = e2e.stack();
        Path written = UpCommand.upFile(stack).write(UpFile.in(workDir));
        up = UpFile.read(written).orElseThrow();
    }

    /** Output, error and exit code of one in-process run. */
    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", up.api(), "--token-file", up.tokenFile()));
        CommandLine cli = LocalStack.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void upJsonNamesTheRunningApiItsDashboardAndTheAdminToken() throws Exception {
        Path file = UpFile.in(workDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(up.api()).isEqualTo(stack.schedulerUrl());
        assertThat(up.dashboard()).isEqualTo(stack.schedulerUrl() + "/console/");
        assertThat(up.kafka()).isEqualTo(stack.kafkaBootstrapServers());
        assertThat(Files.readString(Path.of(up.tokenFile())).strip()).isEqualTo(stack.adminToken());
        assertThat(Files.readString(file)).doesNotContain(stack.adminToken());
    }

    @Test
    void createsAChinookBackupWaitsUntilVerifiedAndListsIt() {
        Run created = run("backup", "create", "chinook", "--label", "cli", "--wait", "--json", "--timeout", "6m");

        assertThat(created.code()).as(created.err()).isEqualTo(CliExit.OK);
        JsonNode backup = EventJson.mapper().readTree(created.out());
        assertThat(backup.get("state").asString()).isEqualTo("VERIFIED");
        assertThat(backup.get("targetId").asString()).isEqualTo("chinook");
        String id = backup.get("backupId").asString();

        Run listed = run("backup", "list", "--json");
        assertThat(listed.code()).as(listed.err()).isEqualTo(CliExit.OK);
        List<String> ids = new ArrayList<>();
        EventJson.mapper()
                .readTree(listed.out())
                .get("items")
                .forEach(b -> ids.add(b.get("backupId").asString()));
        assertThat(ids).contains(id);

        Run table = run("backup", "list", "--target", "chinook", "--width", "200");
        assertThat(table.out()).contains(id).containsPattern(id + "\\s+chinook\\s+VERIFIED");

        Run report = run("backup", "report", id);
        assertThat(report.code()).as(report.err()).isEqualTo(CliExit.OK);
        assertThat(report.out()).contains("PASSED");

        Run stats = run("stats", "chinook", "--json");
        assertThat(stats.code()).as(stats.err()).isEqualTo(CliExit.OK);
        JsonNode statistics = EventJson.mapper().readTree(stats.out());
        assertThat(statistics.get("lastVerified").get("backupId").asString()).isNotBlank();
        assertThat(statistics.get("series").size()).isPositive();

        Run targets = run("targets", "--json");
        assertThat(targets.code()).as(targets.err()).isEqualTo(CliExit.OK);
        assertThat(targets.out()).contains("\"chinook\"").contains("\"health\"");
    }

    @Test
    void showsTheComingRunsAndTheRunningWork() {
        Run next = run("schedules", "next");

        assertNoStackTrace(next);
        assertThat(next.code()).as(next.err()).isEqualTo(CliExit.OK);
        Run watch = run("watch", "--once");
        assertNoStackTrace(watch);
        assertThat(watch.code()).as(watch.err()).isEqualTo(CliExit.OK);
    }

    @Test
    void refusesAWrongTokenWithTheAdviceToSetOne() throws Exception {
        Path wrong = Files.writeString(workDir.resolve("wrong.token"), "not-the-token\n");
        CommandLine cli = LocalStack.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("backup", "list", "--url", up.api(), "--token-file", wrong.toString());

        assertThat(code).isEqualTo(CliExit.REFUSED);
        assertThat(err.toString().strip())
                .isEqualTo("bulwark: 401: the token is missing or expired (set BULWARK_TOKEN or --token-file)");
    }

    @Test
    void saysThatANonexistentBackupIsUnknown() {
        Run show = run("backup", "show", "00000000-0000-0000-0000-000000000000");

        assertThat(show.code()).isEqualTo(CliExit.REFUSED);
        assertThat(show.err()).startsWith("bulwark: 404");
        assertNoStackTrace(show);
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
