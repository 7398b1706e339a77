package io.bulwark.notifier.adapter.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.notifier.Events;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.NotificationRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookChannelTest {

    private static final String SECRET = "s3cr3t-hook-key";

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final Notification notification = new NotificationRule(true)
            .onBackupVerified(Events.verified("chinook", Outcome.FAILED))
            .orElseThrow();

    record Received(Map<String, List<String>> headers, byte[] body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=abc");
    }

    @Test
    void postsTheNotificationAsJsonWithAValidSignature() {
        new WebhookChannel(hook(), SECRET, Duration.ofSeconds(2), Duration.ofSeconds(5)).deliver(notification);

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.headers().get("Content-type")).containsExactly("application/json");
            assertThat(r.headers().get("X-bulwark-signature"))
                    .containsExactly(WebhookChannel.signature(SECRET.getBytes(StandardCharsets.UTF_8), r.body()));
            assertThat(r.headers().get("X-bulwark-signature").getFirst()).matches("sha256=[0-9a-f]{64}");
            JsonNode json = EventJson.mapper().readTree(r.body());
            assertThat(json.get("severity").asString()).isEqualTo("ERROR");
            assertThat(json.get("backupId").asString())
                    .isEqualTo(notification.backupId().toString());
            assertThat(json.get("notificationId").asString())
                    .isEqualTo(notification.notificationId().toString());
            assertThat(json.get("failedChecks").toString()).isEqualTo("[\"checksum\",\"row-counts\"]");
            assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-23T02:10:00Z");
            assertThat(EventJson.read(r.body(), Notification.class)).isEqualTo(notification);
        });
    }

    @Test
    void signatureIsTheKnownHmacSha256() {
        // RFC 4231 test case 2.
        assertThat(WebhookChannel.signature(
                        "Jefe".getBytes(StandardCharsets.UTF_8),
                        "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void sendsNoSignatureWithoutASecret() {
        new WebhookChannel(hook(), " ", Duration.ofSeconds(2), Duration.ofSeconds(5)).deliver(notification);

        assertThat(received)
                .singleElement()
                .satisfies(r -> assertThat(r.headers()).doesNotContainKey("X-bulwark-signature"));
    }

    @Test
    void aNon2xxAnswerIsAFailedDeliveryThatHidesTheTokenAndSecret() {
        status.set(500);
        WebhookChannel channel = new WebhookChannel(hook(), SECRET, Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThatThrownBy(() -> channel.deliver(notification))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("token")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anUnreachableReceiverIsAFailedDelivery() {
        int port = server.getAddress().getPort();
        server.stop(0);
        WebhookChannel channel = new WebhookChannel(
                URI.create("http://127.0.0.1:" + port + "/hook"), SECRET, Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThatThrownBy(() -> channel.deliver(notification))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void rejectsANonHttpUrl() {
        assertThatThrownBy(() -> new WebhookChannel(
                        URI.create("file:///etc/passwd"), null, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bulwark.notifier.webhook.url");
    }
}
