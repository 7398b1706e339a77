package io.bulwark.scheduler.domain.alerts;

import static io.bulwark.scheduler.domain.alerts.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertKind;
import io.bulwark.scheduler.domain.Backup;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeAnomalyTest {

    private static final long MIB = 1024 * 1024;

    private final SizeAnomaly rule = new SizeAnomaly(0.2, 5);

    @Test
    void aDatabaseThatShrankByHalfIsAnAnomaly() {
        Backup half = Fixtures.verified(1, 50 * MIB);
        List<Backup> backups = List.of(
                half,
                Fixtures.verified(25, 100 * MIB),
                Fixtures.verified(49, 98 * MIB),
                Fixtures.verified(73, 102 * MIB),
                Fixtures.verified(97, 100 * MIB),
                Fixtures.verified(121, 99 * MIB));

        assertThat(rule.evaluate(Fixtures.chinook(half, backups), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(AlertKind.SIZE_ANOMALY);
                    assertThat(f.backupId()).isEqualTo(half.backupId());
                    assertThat(f.summary())
                            .contains("is 50.0 MiB, 50% below the median 100.0 MiB of the previous 5 verified backups");
                });
    }

    @Test
    void aLaterBackupWithinBoundsResolvesIt() {
        Backup half = Fixtures.verified(25, 50 * MIB);
        Backup normal = Fixtures.verified(1, 95 * MIB);
        List<Backup> backups = List.of(
                normal,
                half,
                Fixtures.verified(49, 100 * MIB),
                Fixtures.verified(73, 100 * MIB),
                Fixtures.verified(97, 100 * MIB),
                Fixtures.verified(121, 100 * MIB));

        // the median of 50, 100, 100, 100, 100 is 100; 95 is 5% below
        assertThat(rule.evaluate(Fixtures.chinook(normal, backups), NOW)).isEmpty();
    }

    @Test
    void growthAboveTheDeviationCountsToo_andExactlyTheDeviationDoesNot() {
        List<Backup> history =
                List.of(Fixtures.verified(25, 100), Fixtures.verified(49, 100), Fixtures.verified(73, 100));
        Backup big = Fixtures.verified(1, 121);
        Backup edge = Fixtures.verified(1, 120);

        assertThat(rule.evaluate(Fixtures.chinook(big, concat(big, history)), NOW))
                .hasSize(1);
        assertThat(rule.evaluate(Fixtures.chinook(edge, concat(edge, history)), NOW))
                .isEmpty();
    }

    @Test
    void fewerThanThreeEarlierBackupsAreNoBasis() {
        Backup tiny = Fixtures.verified(1, 1);
        List<Backup> backups = List.of(tiny, Fixtures.verified(25, 100), Fixtures.verified(49, 100));

        assertThat(rule.evaluate(Fixtures.chinook(tiny, backups), NOW)).isEmpty();
    }

    private static List<Backup> concat(Backup first, List<Backup> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
                .toList();
    }
}
