package io.bulwark.scheduler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.CopyState;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The projection of {@code bulwark.backup.copy} end to end on an embedded KRaft broker and the machine's PostgreSQL:
 * {@code GET /api/backups/{id}} shows each copy's latest state, an older or repeated event changes nothing, and a
 * malformed record is dead-lettered to {@code bulwark.backup.copy.dlq}.
 */
@SchedulerIntegrationTest
@TestPropertySource(properties = "bulwark.targets.chinook.engine=postgresql")
class BackupCopiesIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("bulwark_copies_it_");
    private static final String SHA = "5e".repeat(32);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @Test
    void showsTheLatestStateOfEachCopyAndIgnoresOlderOrRepeatedEvents() {
        UUID id = UUID.randomUUID();
        String prefix =
                "chinook/2026/12/adhoc_20261203T070000Z_" + id.toString().substring(0, 8) + "/";
        Instant t0 = Instant.parse("2026-12-03T07:10:00Z");
        topics.publish(Topics.BACKUP_COMPLETED, completed(id, prefix, t0));
        await().atMost(TIMEOUT).until(() -> api.get("/api/backups/" + id).statusCode() == 200);
        assertThat(ApiClient.json(api.get("/api/backups/" + id)).get("copies").isEmpty())
                .as("no copy announced yet")
                .isTrue();

        BackupCopyUpdated failed = copy(id, prefix, "offsite", CopyState.FAILED, t0.plusSeconds(60), null, "down");
        BackupCopyUpdated copied = copy(id, prefix, "offsite", CopyState.COPIED, t0.plusSeconds(120), SHA, null);
        BackupCopyUpdated cold = copy(id, prefix, "cold", CopyState.COPIED, t0.plusSeconds(90), SHA, null);
        topics.publish(Topics.BACKUP_COPY, failed);
        topics.publish(Topics.BACKUP_COPY, copied);
        topics.publish(Topics.BACKUP_COPY, cold);
        // older and repeated deliveries arrive last and change nothing
        topics.publish(Topics.BACKUP_COPY, failed);
        topics.publish(Topics.BACKUP_COPY, copied);

        // a malformed record is dead-lettered and the consumer goes on
        topics.publishRaw(Topics.BACKUP_COPY, "chinook", "{not json".getBytes(UTF_8));
        topics.await(Topics.deadLetter(Topics.BACKUP_COPY), r -> new String(r.value(), UTF_8).equals("{not json"));
        UUID marker = UUID.randomUUID();
        topics.publish(
                Topics.BACKUP_COPY,
                copy(marker, prefix, "offsite", CopyState.FAILED, t0.plusSeconds(200), null, "marker"));
        topics.publish(Topics.BACKUP_COMPLETED, completed(marker, prefix, t0));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ApiClient.json(api.get("/api/backups/" + marker))
                                .get("copies"))
                        .hasSize(1));

        JsonNode copies = ApiClient.json(api.get("/api/backups/" + id)).get("copies");
        assertThat(copies).hasSize(2);
        JsonNode first = copies.get(0);
        assertThat(first.get("copyId").asString()).isEqualTo("cold");
        JsonNode offsite = copies.get(1);
        assertThat(offsite.get("copyId").asString()).isEqualTo("offsite");
        assertThat(offsite.get("state").asString()).isEqualTo("COPIED");
        assertThat(offsite.get("sha256").asString()).isEqualTo(SHA);
        assertThat(offsite.get("bytes").asLong()).isEqualTo(4_242);
        assertThat(offsite.get("detail").isNull()).isTrue();
        assertThat(Instant.parse(offsite.get("updatedAt").asString())).isEqualTo(t0.plusSeconds(120));

        // the copy store's retention removes the copy: a newer event
        topics.publish(
                Topics.BACKUP_COPY,
                copy(id, prefix, "offsite", CopyState.DELETED, t0.plusSeconds(300), SHA, "keep-last=3"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> response = api.get("/api/backups/" + id);
            JsonNode now = ApiClient.json(response).get("copies").get(1);
            assertThat(now.get("state").asString()).isEqualTo("DELETED");
            assertThat(now.get("detail").asString()).isEqualTo("keep-last=3");
        });
        assertThat(ApiClient.json(api.get("/api/backups?targetId=chinook"))
                        .get("items")
                        .get(0)
                        .get("copies")
                        .isNull())
                .as("lists do not read copies")
                .isTrue();
    }

    private static BackupCopyUpdated copy(
            UUID id, String prefix, String copyId, CopyState state, Instant at, String sha256, String detail) {
        return new BackupCopyUpdated(
                UUID.nameUUIDFromBytes((id + copyId + state).getBytes(UTF_8)),
                at,
                BackupCopyUpdated.SCHEMA_VERSION,
                id,
                "chinook",
                copyId,
                state,
                prefix,
                state == CopyState.FAILED ? 0 : 3,
                state == CopyState.FAILED ? 0 : 4_242,
                sha256,
                detail);
    }

    private static BackupCompleted completed(UUID id, String prefix, Instant at) {
        return ItEvents.completed(
                id,
                "chinook",
                prefix,
                Tier.ADHOC,
                Trigger.MANUAL,
                ItEvents.dump(prefix + "dump.pgcustom.zst", 4_000, 12_000),
                at,
                Duration.ofSeconds(60));
    }
}
