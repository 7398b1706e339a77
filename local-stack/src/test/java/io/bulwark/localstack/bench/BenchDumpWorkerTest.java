package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.localstack.ApiToken;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
