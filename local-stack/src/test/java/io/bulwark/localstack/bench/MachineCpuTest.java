package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void sumsUserNiceSystemIrqAndSoftirqButNotIdleIowaitOrSteal() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        String line = "cpu  1000 20 300 99999 555 4 6 777 0 0";

        assertThat(MachineCpu.busyMillis(line)).isEqualTo((1000 + 20 + 300 + 4 + 6) * 10L);
    }

    @Test
    void refusesAPerCoreOrShortLine() {
        assertThat(MachineCpu.busyMillis("cpu0 1 2 3 4 5 6 7 8")).isEqualTo(-1);
        assertThat(MachineCpu.busyMillis("cpu 1 2 3")).isEqualTo(-1);
    }

    @Test
    void readsAGrowingFigureOnLinux() {
        long before = MachineCpu.busyMillis();
        assumeTrue(before >= 0, "no /proc/stat here");
        long spin = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < spin) {
            x++;
        }
        long after = MachineCpu.busyMillis();

        assertThat(x).isPositive();
        assertThat(after - before).isGreaterThanOrEqualTo(200);
    }
}
