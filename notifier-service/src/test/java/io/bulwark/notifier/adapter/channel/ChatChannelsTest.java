package io.bulwark.notifier.adapter.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.notifier.HookReceiver;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON each chat channel POSTs, as a JDK HTTP server receives it, and how answers are judged. */
class ChatChannelsTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:10:00Z");
    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final Duration T = Duration.ofSeconds(5);

    private final HookReceiver receiver = HookReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static Notification failed() {
        return new Notification(
                UUID.randomUUID(),
                Severity.ERROR,
                "verification.failed",
                "chinook",
                BACKUP,
                "Backup 1a2b3c4d of chinook FAILED verification: checksum, row-counts",
                List.of("checksum", "row-counts"),
                "checksum: sha256 differs; row-counts: public.track: 3503 expected, 3502 restored",
                AT,
                "chinook/report.json",
                "https://bulwark.example.com/api/backups/" + BACKUP + "/report.html",
                List.of("2 orphan rows in public.invoice_line"),
                null);
    }

    private static Notification report() {
        BackupReportIssued r = new BackupReportIssued(
                UUID.randomUUID(),
                AT,
                1,
                BulwarkEvent.ALL_TARGETS,
                UUID.randomUUID(),
                AT.minusSeconds(7 * 86400),
                AT,
                List.of(
                        new BackupReportIssued.TargetSummary(
                                "chinook", 7, 7, 0, 90000, true, 3600, 95.0, true, AT, 3L << 20, 1L << 20, 0),
                        new BackupReportIssued.TargetSummary(
                                "sakila", 7, 5, 2, 90000, false, 3600, null, null, null, 1L << 30, 0, 2)),
                "https://bulwark.example.com/console/");
        return new Notification(
                UUID.randomUUID(),
                Severity.WARNING,
                "report.periodic",
                "_all",
                null,
                "Backup report",
                List.of(),
                null,
                AT,
                null,
                r.link(),
                List.of(),
                r);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asString())
                .toList();
    }

    @Test
    void slackGetsBlockKitWithHeaderFieldsContextAndALinkButton() {
        new SlackChannel("ops-slack", receiver.url("/slack/T0/B0/secret"), T, T).deliver(failed());

        JsonNode body = receiver.posts("/slack/T0/B0/secret").getFirst().json();
        JsonNode blocks = body.get("blocks");
        assertThat(texts(blocks, "type")).containsExactly("header", "section", "context", "actions");
        assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(blocks.get(0).get("text").get("text").asString()).startsWith("ERROR Backup 1a2b3c4d of chinook");
        assertThat(texts(blocks.get(1).get("fields"), "text"))
                .contains(
                        "*Target*\nchinook",
                        "*Backup*\n1a2b3c4d",
                        "*Outcome*\nFAILED",
                        "*Failed checks*\nchecksum, row-counts",
                        "*Source health*\n2 orphan rows in public.invoice_line");
        assertThat(blocks.get(1).get("fields").get(0).get("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.get(2).get("elements").get(0).get("text").asString()).startsWith("verification.failed");
        JsonNode button = blocks.get(3).get("elements").get(0);
        assertThat(button.get("type").asString()).isEqualTo("button");
        assertThat(button.get("url").asString()).endsWith("/api/backups/" + BACKUP + "/report.html");
        assertThat(body.get("text").asString()).startsWith("ERROR ");
    }

    @Test
    void slackShowsTheReportAsATablePerTarget() {
        new SlackChannel("weekly", receiver.url("/slack"), T, T).deliver(report());

        JsonNode blocks = receiver.posts().getFirst().json().get("blocks");
        String table = blocks.get(2).get("text").get("text").asString();
        assertThat(table).startsWith("```Target").contains("chinook", "sakila", "MISSED (25h)", "met (25h)");
    }

    @Test
    void teamsGetsAnAdaptiveCard14InAMessage() {
        new TeamsChannel("ops-teams", receiver.url("/teams"), T, T).deliver(failed());

        JsonNode body = receiver.posts().getFirst().json();
        assertThat(body.get("type").asString()).isEqualTo("message");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        JsonNode cardBody = card.get("body");
        assertThat(texts(cardBody, "type")).containsExactly("TextBlock", "TextBlock", "FactSet", "TextBlock");
        assertThat(cardBody.get(0).get("color").asString()).isEqualTo("Attention");
        assertThat(texts(cardBody.get(2).get("facts"), "title"))
                .contains("Target", "Backup", "Outcome", "Failed checks", "Source health", "Reason");
        JsonNode action = card.get("actions").get(0);
        assertThat(action.get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(action.get("url").asString()).endsWith("/report.html");
    }

    @Test
    void teamsListsTheReportsTargetsAsFacts() {
        new TeamsChannel("ops-teams", receiver.url("/teams"), T, T).deliver(report());

        JsonNode cardBody = receiver.posts()
                .getFirst()
                .json()
                .get("attachments")
                .get(0)
                .get("content")
                .get("body");
        JsonNode perTarget = cardBody.get(4).get("facts");
        assertThat(texts(perTarget, "title")).containsExactly("chinook", "sakila");
        assertThat(perTarget.get(1).get("value").asString()).contains("Failed 2", "RPO MISSED");
    }

    @Test
    void discordGetsAnEmbedColouredBySeverity() {
        new DiscordChannel("ops-discord", receiver.url("/discord"), T, T).deliver(failed());

        JsonNode embed = receiver.posts().getFirst().json().get("embeds").get(0);
        assertThat(embed.get("color").asInt()).isEqualTo(0xD32F2F);
        assertThat(embed.get("title").asString()).startsWith("ERROR Backup 1a2b3c4d");
        assertThat(embed.get("url").asString()).endsWith("/report.html");
        assertThat(texts(embed.get("fields"), "name")).contains("Target", "Failed checks", "Source health");
        assertThat(embed.get("timestamp").asString()).isEqualTo(AT.toString());
        assertThat(DiscordChannel.color(Severity.WARNING)).isEqualTo(0xF9A825);
        assertThat(DiscordChannel.color(Severity.INFO)).isEqualTo(0x2E7D32);
    }

    @Test
    void a5xxIsWorthAnotherAttemptA404IsNotAndNeitherMessageShowsTheToken() {
        SlackChannel slack = new SlackChannel("ops-slack", receiver.url("/services/T0KEN"), T, T);
        receiver.status.set(503);
        assertThatThrownBy(() -> slack.deliver(failed()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageNotContaining("T0KEN")
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isFalse());
        receiver.status.set(404);
        assertThatThrownBy(() -> slack.deliver(failed()))
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isTrue())
                .hasMessageNotContaining("T0KEN");
    }
}
