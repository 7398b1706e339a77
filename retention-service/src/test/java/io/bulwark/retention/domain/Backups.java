package io.bulwark.retention.domain;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Test backups of target chinook, named by their local time in Europe/Berlin or by an instant with offset. */
final class Backups {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Backups() {}

    /** A backup taken at {@code berlinTime} (e.g. {@code 2026-12-03T02:00}) local time in Europe/Berlin. */
    static CatalogedBackup at(String berlinTime, Outcome outcome, Tier tier, String label, String hold) {
        return of(LocalDateTime.parse(berlinTime).atZone(BERLIN), outcome, tier, label, hold);
    }

    /** A verified DAILY backup labelled nightly taken at {@code berlinTime} local time. */
    static CatalogedBackup verified(String berlinTime) {
        return at(berlinTime, Outcome.PASSED, Tier.DAILY, "nightly", null);
    }

    /** A backup taken at {@code time}, an ISO date-time with offset such as {@code 2026-10-25T02:30+02:00}. */
    static CatalogedBackup atOffset(String time, Outcome outcome) {
        return of(ZonedDateTime.parse(time), outcome, Tier.DAILY, "nightly", null);
    }

    private static CatalogedBackup of(ZonedDateTime t, Outcome outcome, Tier tier, String label, String hold) {
        UUID id = UUID.nameUUIDFromBytes((t.toInstant() + label + outcome + hold).getBytes(StandardCharsets.UTF_8));
        String prefix = "chinook/%04d/%02d/%s_%s_%s/"
                .formatted(
                        t.withZoneSameInstant(ZoneOffset.UTC).getYear(),
                        t.withZoneSameInstant(ZoneOffset.UTC).getMonthValue(),
                        label,
                        STAMP.format(t.toInstant()),
                        id.toString().substring(0, 8));
        return new CatalogedBackup(id, "chinook", prefix, tier, t.toInstant(), outcome, hold);
    }

    /** The local Berlin times (e.g. {@code 2026-12-03T02:00}) of the decisions with {@code action}, newest first. */
    static List<String> times(List<RetentionDecision> decisions, RetentionDecision.Action action) {
        return decisions.stream()
                .filter(d -> d.action() == action)
                .map(d -> d.backup()
                        .completedAt()
                        .atZone(BERLIN)
                        .toLocalDateTime()
                        .toString())
                .toList();
    }

    /** The decision for the backup taken at {@code berlinTime} (the first one when several were). */
    static RetentionDecision decisionAt(List<RetentionDecision> decisions, String berlinTime) {
        return decisions.stream()
                .filter(d -> d.backup()
                        .completedAt()
                        .equals(LocalDateTime.parse(berlinTime).atZone(BERLIN).toInstant()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no backup at " + berlinTime));
    }
}
