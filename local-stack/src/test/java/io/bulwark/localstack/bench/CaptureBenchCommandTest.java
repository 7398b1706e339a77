package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.localstack.ConfigFile;
import io.bulwark.localstack.LocalStack;
import io.bulwark.localstack.PostgresLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

class CaptureBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToScale50ThreeRunsAndHeapAtScales10And50() {
        CaptureBenchCommand command = parse("bench", "capture");

        assertThat(command.scale).isEqualTo(50);
        assertThat(command.runs).isEqualTo(3);
        assertThat(command.rawSha256).isFalse();
        assertThat(command.noRealistic).isFalse();
        assertThat(command.keep).isFalse();
        assertThat(command.drop).isFalse();
        assertThat(CaptureBenchCommand.scales(command.scale, command.heapScales))
                .containsExactly(10, 50);
    }

    @Test
    void takesHeapScalesAsACommaSeparatedListAndAlwaysVisitsTheTimedScale() {
        CaptureBenchCommand command = parse("bench", "capture", "--scale", "1", "--heap-scales", "1", "--runs", "3");

        assertThat(CaptureBenchCommand.scales(command.scale, command.heapScales))
                .containsExactly(1);
        assertThat(command.runs).isEqualTo(3);
        assertThat(CaptureBenchCommand.scales(50, List.of(100, 10))).containsExactly(10, 50, 100);
        assertThat(CaptureBenchCommand.scales(10, null)).containsExactly(10);
    }

    @Test
    void answersBadNumbersWithExitCodeTwo() {
        assertThat(execute("bench", "capture", "--scale", "0")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(execute("bench", "capture", "--runs", "-1")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(execute("bench", "capture", "--heap-scales", "10,x")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(execute("bench", "capture", "--heap-scales", "0,50")).isEqualTo(LocalStack.EXIT_USAGE);
    }

    @Test
    void refusesToRunWithoutTheDumpWorkerJar() {
        assertThat(execute("bench", "capture", "--home", dir.toString())).isEqualTo(LocalStack.EXIT_STACK_FAILED);
    }

    @Test
    void listsCaptureUnderBenchAndBenchUnderBulwark() {
        StringWriter out = new StringWriter();
        CommandLine cli = LocalStack.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(out.toString()).contains("capture");
        assertThat(LocalStack.commandLine().getSubcommands()).containsKey("bench");
    }

    @Test
    void declaresTheBenchTargetsWithZstdLevel3AndEncryptionOnlyInTheEncryptedSeries() {
        PostgresLocation server = PostgresLocation.parse("postgresql://postgres@127.0.0.1:5432/postgres");
        Path pub = dir.resolve("bench-public.asc");
        ConfigFile.Storage storage = new ConfigFile.Storage("http://127.0.0.1:9000", "a", "s", "bulwark", "us-east-1");

        String yaml = ConfigFile.render(
                storage,
                List.of(
                        CaptureBenchCommand.benchTarget(50, false, server, null, pub),
                        CaptureBenchCommand.benchTarget(50, true, server, dir.resolve("pw"), pub)),
                null);

        Map<String, Object> targets = targets(yaml);
        assertThat(targets).containsOnlyKeys("bench-s50-plain", "bench-s50-encrypted");
        assertThat(target(targets, "bench-s50-plain"))
                .containsEntry("engine", "postgresql")
                .containsEntry("database", "bulwark_bench_s50")
                .containsEntry("compression", "zstd")
                .containsEntry("compression-level", 3)
                .doesNotContainKey("encryption")
                .doesNotContainKey("password-file");
        assertThat(target(targets, "bench-s50-encrypted"))
                .containsEntry("database", "bulwark_bench_s50")
                .containsEntry("password-file", dir.resolve("pw").toString())
                .containsEntry("encryption", Map.of("recipients", List.of(pub.toString())));
    }

    @Test
    void tellsAnEncryptedArtifactByItsKeyOrItsCodecs() {
        assertThat(CaptureBenchCommand.isEncrypted(artifact("t/x/dump.pgcustom.zst", List.of("zstd"))))
                .isFalse();
        assertThat(CaptureBenchCommand.isEncrypted(artifact("t/x/dump.pgcustom.zst.gpg", List.of("zstd"))))
                .isTrue();
        assertThat(CaptureBenchCommand.isEncrypted(artifact("t/x/dump", List.of("zstd", "openpgp"))))
                .isTrue();
    }

    private static ArtifactRef artifact(String key, List<String> codecs) {
        return new ArtifactRef("bulwark", key, "pg_dump-custom", codecs, 1, 1, "a", "b");
    }

    private static CaptureBenchCommand parse(String... args) {
        CommandLine.ParseResult parsed = LocalStack.commandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return (CaptureBenchCommand) parsed.commandSpec().userObject();
    }

    private static int execute(String... args) {
        CommandLine cli = LocalStack.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> targets(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        return (Map<String, Object>) ((Map<String, Object>) root.get("bulwark")).get("targets");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> targets, String id) {
        return (Map<String, Object>) targets.get(id);
    }
}
