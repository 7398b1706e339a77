package io.bulwark.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class EventContractsTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @ValueSource(
            strings = {
                Topics.BACKUP_REQUESTED,
                Topics.BACKUP_PROGRESS,
                Topics.BACKUP_COMPLETED,
                Topics.BACKUP_FAILED,
                Topics.BACKUP_VERIFIED,
                Topics.BACKUP_DELETED,
                Topics.VERIFICATION_REQUESTED,
                Topics.RESTORE_REQUESTED,
                Topics.RESTORE_PROGRESS,
                Topics.RESTORE_COMPLETED,
                Topics.RESTORE_FAILED,
                Topics.BACKUP_COPY,
                Topics.ALERT,
                Topics.REPORT
            })
    void savedExampleMatchesItsSchemaAndSurvivesARoundTrip(String type) throws IOException {
        byte[] example = resource("/examples/" + type + ".json");
        Schema schema = schema(type + ".schema.json");
        assertThat(errors(schema, example)).isEmpty();

        BulwarkEvent event = EventJson.read(type, example);

        assertThat(EventJson.typeOf(event)).isEqualTo(type);
        byte[] written = EventJson.toBytes(event);
        assertThat(errors(schema, written)).isEmpty();
        assertThat(EventJson.read(type, written)).isEqualTo(event);
    }

    @Test
    void verificationReportExampleMatchesItsSchemaAndSurvivesARoundTrip() throws IOException {
        byte[] example = resource("/examples/verification-report.json");
        Schema schema = schema("verification-report.schema.json");
        assertThat(errors(schema, example)).isEmpty();

        VerificationReport report = EventJson.read(example, VerificationReport.class);

        assertThat(report.tables()).extracting(TableRows::matches).containsOnly(true);
        assertThat(errors(schema, EventJson.toBytes(report))).isEmpty();
    }

    @Test
    void restoreReportExampleMatchesItsSchemaAndSurvivesARoundTrip() throws IOException {
        byte[] example = resource("/examples/restore-report.json");
        Schema schema = schema("restore-report.schema.json");
        assertThat(errors(schema, example)).isEmpty();

        RestoreReport report = EventJson.read(example, RestoreReport.class);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.rows()).extracting(TableRows::matches).containsOnly(true);
        assertThat(errors(schema, EventJson.toBytes(report))).isEmpty();
        assertThat(EventJson.read(EventJson.toBytes(report), RestoreReport.class))
                .isEqualTo(report);
    }

    @Test
    void aMinimalRestoreRequestGetsDefaultsAndAsksForTheNewestVerifiedBackup() {
        UUID restoreId = UUID.randomUUID();
        byte[] json =
                ("{\"restoreId\":\"" + restoreId + "\",\"targetId\":\"chinook\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(errors(schema("bulwark.restore.requested.schema.json"), json))
                .isEmpty();

        RestoreRequested request = EventJson.read(json, RestoreRequested.class);

        assertThat(request.eventId()).isEqualTo(restoreId);
        assertThat(request.backupId()).isNull();
        assertThat(request.partial()).isFalse();
        assertThat(request.effectiveJobs()).isEqualTo(1);
        assertThat(request.replace()).isFalse();
        assertThat(request.requestedAt()).isNotNull().isEqualTo(request.occurredAt());
    }

    @Test
    void aRestoreRequestWithoutRestoreIdOrWithZeroJobsIsRejectedNamingTheField() {
        byte[] noId = "{\"targetId\":\"chinook\"}".getBytes(StandardCharsets.UTF_8);
        byte[] zeroJobs = ("{\"restoreId\":\"" + UUID.randomUUID() + "\",\"targetId\":\"chinook\",\"jobs\":0}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(noId, RestoreRequested.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("restoreId");
        assertThatThrownBy(() -> EventJson.read(zeroJobs, RestoreRequested.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("jobs");
        assertThat(errors(schema("bulwark.restore.requested.schema.json"), zeroJobs))
                .isNotEmpty();
    }

    @Test
    void aRestoreEventCarryingAPasswordBreaksItsSchema() {
        byte[] json = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-12-02T10:00:00Z\","
                        + "\"schemaVersion\":1,\"restoreId\":\"" + UUID.randomUUID() + "\",\"targetId\":\"chinook\","
                        + "\"reason\":\"DESTINATION_UNREACHABLE\",\"message\":\"refused\",\"destination\":{"
                        + "\"engine\":\"postgresql\",\"host\":\"db\",\"port\":5432,\"database\":\"x\","
                        + "\"password\":\"s3cret\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(errors(schema("bulwark.restore.failed.schema.json"), json)).isNotEmpty();
    }

    @Test
    void aCompletionWithoutTheRawDumpsSha256MatchesItsSchemaWhetherTheFieldIsNullOrAbsent() throws IOException {
        String example = new String(resource("/examples/bulwark.backup.completed.json"), StandardCharsets.UTF_8);
        String withNull = example.replaceFirst("\"rawSha256\": \"[0-9a-f]{64}\"", "\"rawSha256\": null");
        String absent = example.replaceFirst("\\s*\"rawSha256\": \"[0-9a-f]{64}\",", "");
        assertThat(withNull).isNotEqualTo(example);
        assertThat(absent).isNotEqualTo(example).doesNotContain("rawSha256");
        Schema schema = schema("bulwark.backup.completed.schema.json");
        for (String json : List.of(withNull, absent)) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(errors(schema, bytes)).isEmpty();
            BackupCompleted completed = EventJson.read(bytes, BackupCompleted.class);
            assertThat(completed.artifact().rawSha256()).isNull();
            assertThat(completed.artifact().sha256()).hasSize(64);
            assertThat(errors(schema, EventJson.toBytes(completed))).isEmpty();
        }
    }

    @Test
    void aMinimalRequestFromAnotherSystemGetsDefaults() throws IOException {
        byte[] minimal = resource("/examples/bulwark.backup.requested.minimal.json");
        assertThat(errors(schema("bulwark.backup.requested.schema.json"), minimal))
                .isEmpty();

        BackupRequested request = EventJson.read(minimal, BackupRequested.class);

        assertThat(request.targetId()).isEqualTo("billing-db");
        assertThat(request.eventId()).isEqualTo(request.requestId());
        assertThat(request.backupId()).isEqualTo(request.requestId());
        assertThat(request.trigger()).isEqualTo(Trigger.EVENT);
        assertThat(request.tier()).isEqualTo(Tier.ADHOC);
        assertThat(request.schemaVersion()).isEqualTo(1);
        assertThat(request.requestedAt()).isNotNull();
        assertThat(request.effectiveLabel()).isEqualTo("adhoc");
    }

    @Test
    void aMinimalVerificationRequestGetsDefaults() {
        UUID requestId = UUID.randomUUID();
        byte[] json = ("{\"requestId\":\"" + requestId + "\",\"backupId\":\"" + UUID.randomUUID()
                        + "\",\"targetId\":\"chinook\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(errors(schema("bulwark.verification.requested.schema.json"), json))
                .isEmpty();

        VerificationRequested request = EventJson.read(json, VerificationRequested.class);

        assertThat(request.eventId()).isEqualTo(requestId);
        assertThat(request.schemaVersion()).isEqualTo(1);
        assertThat(request.requestedAt()).isNotNull().isEqualTo(request.occurredAt());
        assertThat(request.manifestKey()).isNull();
    }

    @Test
    void aVerificationRequestWithoutBackupIdIsRejectedNamingTheField() {
        byte[] json = ("{\"requestId\":\"" + UUID.randomUUID() + "\",\"targetId\":\"chinook\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(json, VerificationRequested.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("backupId");
    }

    @Test
    void aRequestWithAnUnsafeTargetIdIsRejectedNamingTheField() {
        byte[] json = ("{\"requestId\":\"" + UUID.randomUUID() + "\",\"targetId\":\"../etc\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(json, BackupRequested.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("targetId");
        assertThat(errors(schema("bulwark.backup.requested.schema.json"), json)).isNotEmpty();
    }

    @Test
    void aRequestWithoutRequestIdIsRejectedNamingTheField() {
        byte[] json = "{\"targetId\":\"chinook\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(json, BackupRequested.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("requestId");
    }

    @Test
    void malformedJsonIsAnInvalidEvent() {
        byte[] json = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(Topics.BACKUP_COMPLETED, json))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.read("bulwark.backup.unknown", json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type");
    }

    @Test
    void unknownFieldsAreIgnoredSoContractsCanGrow() {
        byte[] json = ("{\"requestId\":\"" + UUID.randomUUID() + "\",\"targetId\":\"chinook\",\"addedLater\":42}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(EventJson.read(json, BackupRequested.class).targetId()).isEqualTo("chinook");
    }

    @Test
    void cloudEventHeadersCarryTheLogicalTypeNotTheJavaClass() {
        BackupRequested request = BackupRequested.of("chinook", Trigger.MANUAL, null, null, Tier.ADHOC, "it");

        var headers = EventHeaders.cloudEventHeaders(request, "/bulwark/test");

        assertThat(headers)
                .containsEntry(EventHeaders.CE_TYPE, Topics.BACKUP_REQUESTED)
                .containsEntry(EventHeaders.CE_ID, request.eventId().toString())
                .containsEntry(EventHeaders.CE_SOURCE, "/bulwark/test")
                .containsEntry(EventHeaders.CE_SPECVERSION, "1.0");
    }

    @Test
    void everyTopicHasAShippedSchema() {
        for (String topic : Topics.ALL) {
            assertThat(EventContractsTest.class.getResource("/schemas/" + topic + ".schema.json"))
                    .as(topic)
                    .isNotNull();
        }
    }

    @Test
    void aBackupDeletedWithoutBytesReclaimedReadsAsZeroBytes() {
        String old = """
                {"eventId": "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d", "occurredAt": "2026-11-30T02:01:00Z",
                 "schemaVersion": 1, "backupId": "1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7", "targetId": "chinook",
                 "reason": "RETENTION", "policy": "keepLast=7", "objectsDeleted": 4}
                """;

        BackupDeleted event = EventJson.read(old.getBytes(StandardCharsets.UTF_8), BackupDeleted.class);

        assertThat(event.objectsDeleted()).isEqualTo(4);
        assertThat(event.bytesReclaimed()).isZero();
        assertThat(event)
                .isEqualTo(new BackupDeleted(
                        event.eventId(),
                        event.occurredAt(),
                        1,
                        event.backupId(),
                        "chinook",
                        DeletionReason.RETENTION,
                        "keepLast=7",
                        null,
                        4));
    }

    private static Schema schema(String name) {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as(name).isNotNull();
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Error> errors(Schema schema, byte[] json) {
        JsonNode node = EventJson.mapper().readTree(json);
        return schema.validate(node);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
