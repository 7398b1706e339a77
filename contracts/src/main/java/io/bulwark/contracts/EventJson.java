package io.bulwark.contracts;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of events and reports, the same in every service and for other systems.
 *
 * <p>Unknown properties are ignored (contracts only grow); dates are ISO-8601 strings. Thread-safe.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Map<String, Class<? extends BulwarkEvent>> TYPES = Map.ofEntries(
            Map.entry(Topics.BACKUP_REQUESTED, BackupRequested.class),
            Map.entry(Topics.BACKUP_PROGRESS, BackupProgressed.class),
            Map.entry(Topics.BACKUP_COMPLETED, BackupCompleted.class),
            Map.entry(Topics.BACKUP_FAILED, BackupFailed.class),
            Map.entry(Topics.BACKUP_VERIFIED, BackupVerified.class),
            Map.entry(Topics.BACKUP_DELETED, BackupDeleted.class),
            Map.entry(Topics.BACKUP_COPY, BackupCopyUpdated.class),
            Map.entry(Topics.ALERT, AlertChanged.class),
            Map.entry(Topics.REPORT, BackupReportIssued.class),
            Map.entry(Topics.VERIFICATION_REQUESTED, VerificationRequested.class),
            Map.entry(Topics.RESTORE_REQUESTED, RestoreRequested.class),
            Map.entry(Topics.RESTORE_PROGRESS, RestoreProgressed.class),
            Map.entry(Topics.RESTORE_COMPLETED, RestoreCompleted.class),
            Map.entry(Topics.RESTORE_FAILED, RestoreFailed.class));

    private EventJson() {}

    /** The shared mapper; do not reconfigure it. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** UTF-8 JSON of {@code value}. */
    public static byte[] toBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Pretty-printed JSON of {@code value}. */
    public static String toPrettyString(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /**
     * Reads {@code json} as {@code type}.
     *
     * @throws InvalidEventException when the JSON is malformed or a field breaks a rule; the message
     *     names the field
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage()
                    : e.getOriginalMessage();
            throw new InvalidEventException(type.getSimpleName() + ": " + detail, e);
        }
    }

    /**
     * Reads an event by its logical type name (the topic name, see {@link Topics}).
     *
     * @throws InvalidEventException when the type is unknown or the JSON is invalid
     */
    public static BulwarkEvent read(String type, byte[] json) {
        Class<? extends BulwarkEvent> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new InvalidEventException("unknown event type '" + type + "'", null);
        }
        return read(json, eventClass);
    }

    /** The logical type name of {@code event}, which is also its topic. */
    public static String typeOf(BulwarkEvent event) {
        return switch (event) {
            case BackupRequested e -> Topics.BACKUP_REQUESTED;
            case BackupProgressed e -> Topics.BACKUP_PROGRESS;
            case BackupCompleted e -> Topics.BACKUP_COMPLETED;
            case BackupFailed e -> Topics.BACKUP_FAILED;
            case BackupVerified e -> Topics.BACKUP_VERIFIED;
            case BackupDeleted e -> Topics.BACKUP_DELETED;
            case VerificationRequested e -> Topics.VERIFICATION_REQUESTED;
            case RestoreRequested e -> Topics.RESTORE_REQUESTED;
            case RestoreProgressed e -> Topics.RESTORE_PROGRESS;
            case RestoreCompleted e -> Topics.RESTORE_COMPLETED;
            case RestoreFailed e -> Topics.RESTORE_FAILED;
            case BackupCopyUpdated e -> Topics.BACKUP_COPY;
            case AlertChanged e -> Topics.ALERT;
            case BackupReportIssued e -> Topics.REPORT;
        };
    }
}
