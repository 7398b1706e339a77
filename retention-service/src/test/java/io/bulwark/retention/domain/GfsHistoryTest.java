package io.bulwark.retention.domain;

import static io.bulwark.retention.domain.Backups.at;
import static io.bulwark.retention.domain.Backups.decisionAt;
import static io.bulwark.retention.domain.Backups.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.domain.RetentionDecision.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A generated history of 400 days judged by GFS policies; the expected sets are written out by hand (calendar
 * reasoning, see the comments), not computed.
 *
 * <p>History: one nightly backup at 02:00 Europe/Berlin every day from 2025-10-30 to 2026-12-03 (400 days), all
 * verified except 2026-10-31 (FAILED); 2026-02-10's is held ("audit 2026"). Plus: hourly backups on 2026-12-02 at
 * 12:00 and 18:00; FAILED ones on 2026-12-01 08:00 and 2026-11-20 14:00; one not verified yet on 2026-12-03 08:00;
 * a verified manual (ADHOC) backup on 2026-06-15 10:00. The clock reads 2026-12-03T10:00Z (11:00 in Berlin).
 */
class GfsHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static List<CatalogedBackup> history() {
        List<CatalogedBackup> backups = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2025-10-30");
                !day.isAfter(LocalDate.parse("2026-12-03"));
                day = day.plusDays(1)) {
            Outcome outcome = day.equals(LocalDate.parse("2026-10-31")) ? Outcome.FAILED : Outcome.PASSED;
            String hold = day.equals(LocalDate.parse("2026-02-10")) ? "audit 2026" : null;
            backups.add(at(day + "T02:00", outcome, Tier.DAILY, "nightly", hold));
        }
        backups.add(at("2026-12-02T12:00", Outcome.PASSED, Tier.DAILY, "hourly", null));
        backups.add(at("2026-12-02T18:00", Outcome.PASSED, Tier.DAILY, "hourly", null));
        backups.add(at("2026-12-01T08:00", Outcome.FAILED, Tier.DAILY, "nightly", null));
        backups.add(at("2026-11-20T14:00", Outcome.FAILED, Tier.DAILY, "nightly", null));
        backups.add(at("2026-12-03T08:00", null, Tier.DAILY, "nightly", null));
        backups.add(at("2026-06-15T10:00", Outcome.PASSED, Tier.ADHOC, "adhoc", null));
        Collections.shuffle(backups, new Random(42));
        return backups;
    }

    private static final RetentionPolicy GFS = RetentionPolicy.builder()
            .keep(Period.DAILY, 7)
            .keep(Period.WEEKLY, 4)
            .keep(Period.MONTHLY, 12)
            .keep(Period.YEARLY, 2)
            .zone(Backups.BERLIN)
            .build();

    @Test
    void keepsExactlyTheHandComputedDailyWeeklyMonthlyYearlySet() {
        List<CatalogedBackup> history = history();
        assertThat(history).hasSize(400 + 6);

        List<RetentionDecision> decisions = GFS.decide(history, NOW);

        // 2026-12-03 is a Thursday of ISO week 49 (Mon 11-30 .. Sun 12-06); 11-29, 11-22, 11-15 are the Sundays
        // ending weeks 48, 47, 46. Monthly: the last verified day of each month from 2026-12 back to 2026-01
        // (October's last, the 31st, FAILED: the 30th stands in). Yearly: 2026-12-03 and 2025-12-31.
        assertThat(times(decisions, Action.KEEP))
                .containsExactly(
                        "2026-12-03T08:00", // verification pending
                        "2026-12-03T02:00", // daily, weekly W49, monthly 12, yearly 2026, newest verified
                        "2026-12-02T18:00", // daily (newest of 12-02)
                        "2026-12-01T08:00", // FAILED 2 days ago, within keep-failed 7d
                        "2026-12-01T02:00",
                        "2026-11-30T02:00", // daily, monthly 11
                        "2026-11-29T02:00", // daily, weekly W48
                        "2026-11-28T02:00",
                        "2026-11-27T02:00", // the 7th day
                        "2026-11-22T02:00", // weekly W47
                        "2026-11-15T02:00", // weekly W46
                        "2026-10-30T02:00", // monthly 10
                        "2026-09-30T02:00",
                        "2026-08-31T02:00",
                        "2026-07-31T02:00",
                        "2026-06-30T02:00",
                        "2026-06-15T10:00", // manual
                        "2026-05-31T02:00",
                        "2026-04-30T02:00",
                        "2026-03-31T02:00",
                        "2026-02-28T02:00",
                        "2026-02-10T02:00", // held
                        "2026-01-31T02:00", // the 12th month
                        "2025-12-31T02:00"); // yearly 2025
        assertThat(decisions).hasSize(406);
        assertThat(times(decisions, Action.DELETE)).hasSize(406 - 24);

        assertThat(decisionAt(decisions, "2026-12-03T02:00").rules())
                .containsExactly(
                        "daily 2026-12-03", "weekly 2026-W49", "monthly 2026-12", "yearly 2026", "newest verified");
        assertThat(decisionAt(decisions, "2026-11-30T02:00").reason()).isEqualTo("daily 2026-11-30, monthly 2026-11");
        assertThat(decisionAt(decisions, "2026-11-29T02:00").reason()).isEqualTo("daily 2026-11-29, weekly 2026-W48");
        assertThat(decisionAt(decisions, "2026-10-30T02:00").reason()).isEqualTo("monthly 2026-10");
        assertThat(decisionAt(decisions, "2025-12-31T02:00").reason()).isEqualTo("yearly 2025");
        assertThat(decisionAt(decisions, "2026-12-03T08:00").reason()).isEqualTo("verification pending");
        assertThat(decisionAt(decisions, "2026-12-01T08:00").reason())
                .isEqualTo("keep-failed: FAILED 2d ago (kept 7d)");
        assertThat(decisionAt(decisions, "2026-02-10T02:00").reason()).isEqualTo("hold: audit 2026");
        assertThat(decisionAt(decisions, "2026-06-15T10:00").reason()).isEqualTo("manual (kept until deleted)");

        assertThat(decisionAt(decisions, "2026-10-31T02:00").reason())
                .isEqualTo("keep-failed: FAILED 33d ago (kept 7d)");
        assertThat(decisionAt(decisions, "2026-11-20T14:00").reason())
                .isEqualTo("keep-failed: FAILED 12d ago (kept 7d)");
        assertThat(decisionAt(decisions, "2026-12-02T12:00").reason())
                .isEqualTo("matches no keep rule (daily 2026-12-02 keeps a newer backup; weekly 2026-W49 keeps a"
                        + " newer backup; monthly 2026-12 keeps a newer backup; yearly 2026 keeps a newer backup)");
        assertThat(decisionAt(decisions, "2026-10-01T02:00").reason())
                .isEqualTo("matches no keep rule (daily 2026-10-01 is beyond keep-daily 7; weekly 2026-W40 is beyond"
                        + " keep-weekly 4; monthly 2026-10 keeps a newer backup; yearly 2026 keeps a newer backup)");
        assertThat(GFS.name()).isEqualTo("keep-daily=7 keep-weekly=4 keep-monthly=12 keep-yearly=2 zone=Europe/Berlin");
    }

    @Test
    void keepWithinKeepsEveryVerifiedBackupWithinTheDurationOfTheNewestVerified() {
        RetentionPolicy within = RetentionPolicy.builder()
                .keepWithin(Duration.ofDays(10))
                .zone(Backups.BERLIN)
                .build();

        List<RetentionDecision> decisions = within.decide(history(), NOW);

        // The newest verified is 2026-12-03 02:00 (01:00Z); 10 days before is 2026-11-23 01:00Z, which is exactly
        // 2026-11-23 02:00 in Berlin: not newer, so 11-24 is the oldest kept nightly.
        assertThat(times(decisions, Action.KEEP))
                .containsExactly(
                        "2026-12-03T08:00",
                        "2026-12-03T02:00",
                        "2026-12-02T18:00",
                        "2026-12-02T12:00",
                        "2026-12-02T02:00",
                        "2026-12-01T08:00",
                        "2026-12-01T02:00",
                        "2026-11-30T02:00",
                        "2026-11-29T02:00",
                        "2026-11-28T02:00",
                        "2026-11-27T02:00",
                        "2026-11-26T02:00",
                        "2026-11-25T02:00",
                        "2026-11-24T02:00",
                        "2026-06-15T10:00",
                        "2026-02-10T02:00");
        assertThat(decisionAt(decisions, "2026-11-24T02:00").reason()).isEqualTo("within 10d");
        assertThat(decisionAt(decisions, "2026-12-03T02:00").reason()).isEqualTo("within 10d, newest verified");
        assertThat(decisionAt(decisions, "2026-11-23T02:00").reason())
                .isEqualTo("matches no keep rule (older than within 10d of the newest verified)");
    }

    @Test
    void dailyBucketsFollowBerlinDaysAcrossTheEndOfSummerTime() {
        // 2026-10-25 03:00 CEST becomes 02:00 CET: that Berlin day is 25 hours long.
        List<CatalogedBackup> backups = List.of(
                Backups.atOffset("2026-10-24T23:30+02:00", Outcome.PASSED), // 21:30Z, Berlin day 10-24
                Backups.atOffset("2026-10-25T00:30+02:00", Outcome.PASSED), // 10-24 22:30Z, Berlin day 10-25
                Backups.atOffset("2026-10-25T02:30+02:00", Outcome.PASSED), // 00:30Z, first 02:30
                Backups.atOffset("2026-10-25T02:30+01:00", Outcome.PASSED), // 01:30Z, the repeated 02:30
                Backups.atOffset("2026-10-25T23:30+01:00", Outcome.PASSED), // 22:30Z, Berlin day 10-25
                Backups.atOffset("2026-10-26T00:30+01:00", Outcome.PASSED)); // 10-25 23:30Z, Berlin day 10-26
        Instant now = Instant.parse("2026-10-26T12:00:00Z");

        List<RetentionDecision> berlin = RetentionPolicy.builder()
                .keep(Period.DAILY, 3)
                .zone(Backups.BERLIN)
                .build()
                .decide(backups, now);

        assertThat(berlin.stream().map(RetentionDecision::reason).toList())
                .containsExactly(
                        "daily 2026-10-26, newest verified",
                        "daily 2026-10-25",
                        "matches no keep rule (daily 2026-10-25 keeps a newer backup)",
                        "matches no keep rule (daily 2026-10-25 keeps a newer backup)",
                        "matches no keep rule (daily 2026-10-25 keeps a newer backup)",
                        "daily 2026-10-24");

        List<RetentionDecision> utc =
                RetentionPolicy.builder().keep(Period.DAILY, 3).build().decide(backups, now);
        assertThat(utc.stream().map(RetentionDecision::reason).toList())
                .as("read in UTC the same backups fall on other days")
                .containsExactly(
                        "daily 2026-10-25, newest verified",
                        "matches no keep rule (daily 2026-10-25 keeps a newer backup)",
                        "matches no keep rule (daily 2026-10-25 keeps a newer backup)",
                        "matches no keep rule (daily 2026-10-25 keeps a newer backup)",
                        "daily 2026-10-24",
                        "matches no keep rule (daily 2026-10-24 keeps a newer backup)");

        List<RetentionDecision> hourly = RetentionPolicy.builder()
                .keep(Period.HOURLY, 10)
                .zone(Backups.BERLIN)
                .build()
                .decide(backups, now);
        assertThat(hourly.get(2).reason()).isEqualTo("hourly 2026-10-25T02");
        assertThat(hourly.get(3).reason())
                .as("the repeated hour is one period")
                .isEqualTo("matches no keep rule (hourly 2026-10-25T02 keeps a newer backup)");
    }
}
