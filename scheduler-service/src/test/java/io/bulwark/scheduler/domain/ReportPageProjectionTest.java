package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key of {@code verification.html} follows the latest verification, like the other verification fields. */
class ReportPageProjectionTest {

    private static final UUID ID = UUID.randomUUID();
    private static final String PREFIX =
            "chinook/2026/12/daily_20261203T020000Z_" + ID.toString().substring(0, 8) + "/";
    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void theLatestVerificationsPageKeyIsKeptAlsoWhenAnOlderOneArrivesLate() {
        Backup first = BackupProjector.project(null, verified(T0.plusSeconds(60), "verification.html"), T0)
                .backup();
        assertThat(first.reportPageKey()).isEqualTo(PREFIX + "verification.html");

        Backup newer = BackupProjector.project(first, verified(T0.plusSeconds(120), "verification-2.html"), T0)
                .backup();
        Backup stale = BackupProjector.project(newer, verified(T0.plusSeconds(30), "verification-0.html"), T0)
                .backup();

        assertThat(newer.reportPageKey()).isEqualTo(PREFIX + "verification-2.html");
        assertThat(stale.reportPageKey()).isEqualTo(PREFIX + "verification-2.html");
    }

    private static BackupVerified verified(Instant at, String page) {
        return new BackupVerified(
                UUID.randomUUID(),
                at,
                1,
                ID,
                "chinook",
                Outcome.PASSED,
                List.of(new CheckResult("checksum", CheckStatus.PASSED, "", 1)),
                null,
                "local",
                PREFIX + "verification.json",
                PREFIX,
                T0,
                Tier.DAILY,
                PREFIX + page,
                true);
    }
}
