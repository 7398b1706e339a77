package io.bulwark.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.service.security.ApiRole;
import io.bulwark.service.security.ApiTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Email end to end: events on a real KRaft broker, the notifier with its PostgreSQL outbox, GreenMail as the SMTP
 * server and a JDK HTTP server as the escalation channel (Slack).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {
            Topics.BACKUP_VERIFIED,
            Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX,
            Topics.ALERT,
            Topics.ALERT + Topics.DLQ_SUFFIX,
            Topics.REPORT,
            Topics.REPORT + Topics.DLQ_SUFFIX
        },
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class NotifierMailIT {

    private static final String TOKEN = "notifier-mail-it-operator-token";
    private static final String VIEWER_TOKEN = "notifier-mail-it-viewer-token";
    private static GreenMail smtp;
    private static HookReceiver pager;
    private static NotifierItDatabase database;

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        pager = HookReceiver.start();
        database = NotifierItDatabase.create("notifier_mail_it", registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("bulwark.console.public-url", () -> "http://127.0.0.1:8080");
        registry.add("bulwark.notifier.notify-on-passed", () -> "false");
        registry.add("bulwark.notifier.channels.ops-mail.type", () -> "email");
        registry.add("bulwark.notifier.channels.ops-mail.to[0]", () -> "ops@example.com");
        registry.add("bulwark.notifier.channels.ops-mail.from", () -> "bulwark@example.com");
        registry.add("bulwark.notifier.channels.pager.type", () -> "slack");
        registry.add(
                "bulwark.notifier.channels.pager.url",
                () -> pager.url("/pager/T0KEN").toString());
        registry.add("bulwark.notifier.channels.pager.allow-insecure-http", () -> "true");
        registry.add("bulwark.notifier.routes[0].targets[0]", () -> "*");
        registry.add("bulwark.notifier.routes[0].min-severity", () -> "WARNING");
        registry.add("bulwark.notifier.routes[0].channels[0]", () -> "ops-mail");
        registry.add("bulwark.notifier.routes[0].escalation-channels[0]", () -> "pager");
        registry.add("bulwark.notifier.routes[0].escalate-after", () -> "1");
        registry.add("bulwark.notifier.routes[1].kinds[0]", () -> "report.periodic");
        registry.add("bulwark.notifier.routes[1].reports", () -> "true");
        registry.add("bulwark.notifier.routes[1].channels[0]", () -> "ops-mail");
        registry.add("bulwark.notifier.delivery.poll-interval", () -> "500ms");
        registry.add("bulwark.notifier.delivery.retry-backoff", () -> "50ms");
        registry.add("bulwark.security.tokens[0].name", () -> "it-operator");
        registry.add("bulwark.security.tokens[0].role", ApiRole.OPERATOR::configName);
        registry.add("bulwark.security.tokens[0].sha256", () -> ApiTokens.sha256Hex(TOKEN));
        registry.add("bulwark.security.tokens[1].name", () -> "it-viewer");
        registry.add("bulwark.security.tokens[1].role", ApiRole.VIEWER::configName);
        registry.add("bulwark.security.tokens[1].sha256", () -> ApiTokens.sha256Hex(VIEWER_TOKEN));
        registry.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "1");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        pager.close();
        database.drop();
    }

    private static List<MimeMessage> mailsAbout(String text) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(text)) {
                found.add(m);
            }
        }
        return found;
    }

    /** The decoded text/plain and text/html parts of {@code part}, depth first. */
    private static List<String> texts(Part part, String mimeType) throws Exception {
        List<String> texts = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                texts.addAll(texts(child, mimeType));
            }
        } else if (part.isMimeType(mimeType)) {
            texts.add((String) part.getContent());
        }
        return texts;
    }

    private static AlertChanged alert(UUID alertId, AlertState state, int level) {
        return new AlertChanged(
                UUID.randomUUID(),
                Instant.now(),
                AlertChanged.SCHEMA_VERSION,
                alertId,
                "sakila",
                AlertKind.RPO_BREACH,
                AlertSeverity.CRITICAL,
                state,
                level,
                "sakila: last verified backup is 26h old; RPO is 25h",
                "latest VERIFIED backup taken 2026-11-22T00:00:00Z",
                null,
                Instant.now(),
                "http://127.0.0.1:8080/console/");
    }

    @Test
    void aFailedVerificationArrivesAsOneEmailWithTheFailedChecksAndTheLink() throws Exception {
        BackupVerified failed = Events.verified("chinook", Outcome.FAILED);
        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString())) {
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failed);
        }
        String shortId = failed.backupId().toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsAbout(shortId).size() == 1);

        MimeMessage mail = mailsAbout(shortId).getFirst();
        assertThat(mail.getSubject())
                .isEqualTo(
                        "[Bulwark] ERROR Backup " + shortId + " of chinook FAILED verification: checksum, row-counts");
        assertThat(Arrays.toString(mail.getAllRecipients())).contains("ops@example.com");
        String link = "http://127.0.0.1:8080/api/backups/" + failed.backupId() + "/report.html";
        String plain = String.join("\n", texts(mail, "text/plain"));
        String html = String.join("\n", texts(mail, "text/html"));
        assertThat(plain)
                .contains("Failed checks: checksum, row-counts")
                .contains("Backup: " + shortId)
                .contains("public.track: 3503 expected, 3502 restored")
                .contains("Details: " + link);
        assertThat(html).contains("<a href=\"" + link + "\"").contains("checksum, row-counts");
        assertThat(pager.posts())
                .as("not escalated: Slack gets nothing")
                .noneMatch(p -> p.body().contains(shortId));

        JsonNode listed =
                EventJson.mapper().readTree(get("/api/notifications?limit=10").body());
        JsonNode item = null;
        for (JsonNode i : listed.get("items")) {
            if (i.get("notification")
                    .get("backupId")
                    .asString()
                    .equals(failed.backupId().toString())) {
                item = i;
            }
        }
        assertThat(item).as("listed").isNotNull();
        assertThat(item.get("deliveries").get(0).get("channel").asString()).isEqualTo("ops-mail");
        assertThat(item.get("deliveries").get(0).get("state").asString()).isEqualTo("SENT");
    }

    @Test
    void anAlertOpenEscalatedResolvedIsThreeEmailsAndTheEscalationAlsoGoesToSlackOnce() throws Exception {
        UUID alertId = UUID.randomUUID();
        AlertChanged open = alert(alertId, AlertState.OPEN, 0);
        AlertChanged escalated = alert(alertId, AlertState.ESCALATED, 1);
        AlertChanged resolved = alert(alertId, AlertState.RESOLVED, 1);
        BackupVerified marker = Events.verified("marker", Outcome.FAILED);
        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString())) {
            KafkaEventClients.send(producer, Topics.ALERT, open);
            KafkaEventClients.send(producer, Topics.ALERT, escalated);
            KafkaEventClients.send(producer, Topics.ALERT, resolved);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> mailsAbout("sakila").size() == 3);
            // the same ESCALATED event again, then an event whose email proves the duplicate was consumed
            KafkaEventClients.send(producer, Topics.ALERT, escalated);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, marker);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !mailsAbout("of marker").isEmpty());

        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mailsAbout("sakila")) {
            subjects.add(m.getSubject());
        }
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "[Bulwark] ERROR Alert RPO_BREACH OPEN: sakila: last verified backup is 26h old; RPO is 25h",
                        "[Bulwark] ERROR Alert RPO_BREACH ESCALATED (level 1): sakila: last verified backup is 26h"
                                + " old; RPO is 25h",
                        "[Bulwark] INFO Alert RPO_BREACH RESOLVED: sakila: last verified backup is 26h old; RPO is"
                                + " 25h");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pager.posts("/pager/T0KEN").size() == 1);
        JsonNode slack = pager.posts("/pager/T0KEN").getFirst().json();
        assertThat(slack.get("blocks").get(0).get("text").get("text").asString())
                .startsWith("ERROR Alert RPO_BREACH ESCALATED (level 1)");
    }

    @Test
    void theWeeklyReportArrivesAsAnEmailWithOneRowPerTarget() throws Exception {
        Instant end = Instant.parse("2026-11-30T00:00:00Z");
        BackupReportIssued report = new BackupReportIssued(
                UUID.randomUUID(),
                end,
                BackupReportIssued.SCHEMA_VERSION,
                BulwarkEvent.ALL_TARGETS,
                UUID.randomUUID(),
                end.minus(Duration.ofDays(7)),
                end,
                List.of(
                        new BackupReportIssued.TargetSummary(
                                "chinook", 7, 7, 0, 90000, true, 3600, 95.0, true, end, 3L << 20, 1L << 20, 0),
                        new BackupReportIssued.TargetSummary(
                                "sakila", 7, 5, 2, 90000, false, 3600, null, null, null, 1L << 30, 0, 2)),
                "http://127.0.0.1:8080/console/");
        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString())) {
            KafkaEventClients.send(producer, Topics.REPORT, report);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsAbout("Backup report").size() == 1);

        MimeMessage mail = mailsAbout("Backup report").getFirst();
        assertThat(mail.getSubject()).startsWith("[Bulwark] WARNING Backup report 2026-11-23T00:00:00Z to");
        String plain = String.join("\n", texts(mail, "text/plain"));
        assertThat(plain)
                .containsPattern("chinook +7 +7 +0 +met \\(25h\\)")
                .containsPattern("sakila +7 +5 +2 +MISSED \\(25h\\)")
                .contains("Details: http://127.0.0.1:8080/console/");
        assertThat(String.join("\n", texts(mail, "text/html"))).contains("<td>sakila</td>");
    }

    @Test
    void theTestEndpointSendsToAChannelNowAndNamesAnUnknownOrFailingOne() throws Exception {
        HttpResponse<String> sent = post("/api/notifications/test?channel=ops-mail");
        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode body = EventJson.mapper().readTree(sent.body());
        assertThat(body.get("channel").asString()).isEqualTo("ops-mail");
        assertThat(body.get("delivered").asBoolean()).isTrue();
        assertThat(mailsAbout("Test notification to channel ops-mail")).hasSize(1);

        HttpResponse<String> unknown = post("/api/notifications/test?channel=nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(EventJson.mapper().readTree(unknown.body()).get("field").asString())
                .isEqualTo("channel");

        pager.status.set(503);
        try {
            HttpResponse<String> failing = post("/api/notifications/test?channel=pager");
            assertThat(failing.statusCode()).isEqualTo(502);
            assertThat(failing.body()).contains("HTTP 503").doesNotContain("T0KEN");
        } finally {
            pager.status.set(204);
        }

        assertThat(get("/api/notifications?limit=0").statusCode()).isEqualTo(400);

        HttpResponse<String> viewerTest = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications/test?channel=log"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                VIEWER_TOKEN);
        assertThat(viewerTest.statusCode())
                .as("sending needs the operator role")
                .isEqualTo(403);
        HttpResponse<String> viewerList = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications"))
                        .GET(),
                VIEWER_TOKEN);
        assertThat(viewerList.statusCode()).as("listing needs the viewer role").isEqualTo(200);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request, TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
