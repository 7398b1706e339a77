package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchedulerClientTest {

    private static final UUID BACKUP = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID RESTORE = UUID.fromString("99999999-2222-3333-4444-555555555555");

    private HttpServer server;
    private static final String TOKEN = "scheduler-client-test-token";

    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int status = 202;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRestoreRequestSendsOnlyTheFieldsThatAreSet() {
        assertThat(SchedulerClient.RestoreRequest.into("demo").body()).isEqualTo(Map.of("destinationId", "demo"));
        assertThat(SchedulerClient.RestoreRequest.into("demo")
                        .database("copy")
                        .tables(List.of("public.album"))
                        .replacing("copy")
                        .body())
                .containsExactly(
                        Map.entry("destinationId", "demo"),
                        Map.entry("database", "copy"),
                        Map.entry("replace", true),
                        Map.entry("confirm", "copy"),
                        Map.entry("tables", List.of("public.album")));
    }

    @Test
    void requestsARestoreAndReadsItsProgressAndReportKeys() {
        answer = "{\"restoreId\":\"" + RESTORE + "\",\"backupId\":\"" + BACKUP + "\",\"state\":\"REQUESTED\","
                + "\"phase\":null,\"progress\":null,\"destination\":null,\"reportKey\":null}";
        SchedulerClient client =
                new SchedulerClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", TOKEN);

        SchedulerClient.RestoreStatus requested =
                client.requestRestore(BACKUP, SchedulerClient.RestoreRequest.into("demo"));

        assertThat(requestBody.get()).isEqualTo("{\"destinationId\":\"demo\"}");
        assertThat(requested.restoreId()).isEqualTo(RESTORE);
        assertThat(requested.state()).isEqualTo("REQUESTED");
        assertThat(requested.percent()).isNull();
        assertThat(requested.isFinal()).isFalse();

        status = 200;
        answer = "{\"restoreId\":\"" + RESTORE + "\",\"state\":\"SUCCEEDED\",\"phase\":\"PROVE\","
                + "\"progress\":{\"bytesRead\":150,\"bytesTotal\":150,\"percent\":100,\"etaSeconds\":null},"
                + "\"destination\":{\"database\":\"chinook_restored_x\"},"
                + "\"reportKey\":\"p/restores/r/restore.json\",\"reportPageKey\":\"p/restores/r/restore.html\"}";
        SchedulerClient.RestoreStatus done = client.restore(RESTORE).orElseThrow();

        assertThat(done.isFinal()).isTrue();
        assertThat(done.phase()).isEqualTo("PROVE");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.bytesTotal()).isEqualTo(150);
        assertThat(done.etaSeconds()).isNull();
        assertThat(done.database()).isEqualTo("chinook_restored_x");
        assertThat(done.reportKey()).isEqualTo("p/restores/r/restore.json");
        assertThat(done.reportPageKey()).isEqualTo("p/restores/r/restore.html");
        assertThat(authorizations).containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN);
    }

    @Test
    void aClientWithoutATokenIsRefusedAtOnce() {
        assertThatThrownBy(() -> new SchedulerClient("http://127.0.0.1:1", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusedRestoreCarriesTheStatusAndTheProblemsDetail() {
        status = 409;
        answer = "{\"title\":\"Destination refused\",\"status\":409,\"detail\":\"database x exists and is not empty\"}";
        SchedulerClient client =
                new SchedulerClient("http://127.0.0.1:" + server.getAddress().getPort(), TOKEN);

        assertThatThrownBy(() -> client.requestRestore(BACKUP, SchedulerClient.RestoreRequest.into("demo")))
                .isInstanceOfSatisfying(SchedulerClient.SchedulerException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).isEqualTo("database x exists and is not empty");
                    assertThat(e.getMessage()).contains("409").contains("not empty");
                });
    }
}
