package io.bulwark.notifier.adapter.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.notifier.Events;
import io.bulwark.notifier.ReceiverCheck;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.NotificationRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    void postsTheNotificationAsJsonWithAValidTimestampedSignature() throws Exception {
        Instant now = Instant.parse("2026-12-03T05:00:00Z");
        new WebhookChannel(
                        hook(), SECRET, Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.fixed(now, ZoneOffset.UTC))
                .deliver(notification);

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.headers().get("Content-type")).containsExactly("application/json");
            String header = r.headers().get("X-bulwark-signature").getFirst();
            assertThat(header).matches("t=" + now.getEpochSecond() + ",v1=[0-9a-f]{64}");
            byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
            assertThat(ReceiverCheck.refusal(header, r.body(), key, now.plusSeconds(60), Duration.ofMinutes(5)))
                    .as("the receiver's check of the README")
                    .isNull();
            assertThat(ReceiverCheck.refusal(header, r.body(), key, now.plusSeconds(301), Duration.ofMinutes(5)))
                    .as("a replay after the window")
                    .isEqualTo("timestamp outside the replay window");
            byte[] altered = r.body().clone();
            altered[10] ^= 1;
            assertThat(ReceiverCheck.refusal(header, altered, key, now, Duration.ofMinutes(5)))
                    .isEqualTo("bad signature");
            String otherTime = header.replace("t=" + now.getEpochSecond(), "t=" + (now.getEpochSecond() + 1));
            assertThat(ReceiverCheck.refusal(otherTime, r.body(), key, now, Duration.ofMinutes(5)))
                    .as("the timestamp is signed too")
                    .isEqualTo("bad signature");
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
    void signatureIsTheHmacSha256OfTimestampDotBody() {
        // as openssl computes it: printf '%s' '1700000000.what do ya want for nothing?' | openssl dgst -sha256 -hmac
        // Jefe
        assertThat(WebhookChannel.signature(
                        "Jefe".getBytes(StandardCharsets.UTF_8),
                        1_700_000_000L,
                        "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1700000000,v1=1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e");
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
