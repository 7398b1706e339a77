package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.localstack.ApiToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class BenchDumpWorkerTest {

    @Test
    void holdsTheWorkerTo256MbOneConsumerThreadAndExposesItsMetrics() {
        assertThat(BenchDumpWorker.JVM_OPTIONS).contains("-Xmx256m");
        assertThat(BenchDumpWorker.arguments(Path.of("/w/config/t.yml"), 41234, "127.0.0.1:9092"))
                .containsExactly(
                        "--spring.config.additional-location=file:/w/config/t.yml",
                        "--server.port=41234",
                        "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:9092",
                        "--management.endpoints.web.exposure.include=health,info,metrics",
                        "--bulwark.security.tokens[0].name=bench",
                        "--bulwark.security.tokens[0].role=viewer",
                        "--bulwark.security.tokens[0].sha256=" + ApiToken.sha256Hex(BenchDumpWorker.METRICS_TOKEN),
                        "--bulwark.dump-worker.concurrency=1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsTheWorkerWithTheCollectorItsComposeImageBakesIn() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Map<String, Object> compose;
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> build =
                (Map<String, Object>) ((Map<String, Object>) services.get("dump-worker")).get("build");
        Map<String, Object> args = (Map<String, Object>) build.get("args");

        assertThat(String.valueOf(args.get("JVM_OPTIONS"))).isEqualTo(BenchDumpWorker.GARBAGE_COLLECTOR);
        assertThat(BenchDumpWorker.JVM_OPTIONS).contains(BenchDumpWorker.GARBAGE_COLLECTOR);
        assertThat(Files.readString(root.resolve("docker/service.Dockerfile")))
                .contains("ARG JVM_OPTIONS=\"\"")
                .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*\\$\\{JVM_OPTIONS}\"");
    }
}
