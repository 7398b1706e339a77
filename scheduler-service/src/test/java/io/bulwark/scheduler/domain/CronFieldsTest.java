package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronFieldsTest {

    @Test
    void fiveFieldCrontabGetsSecondZero() {
        assertThat(CronFields.toSpringCron("0 2 * * *")).isEqualTo("0 0 2 * * *");
        assertThat(CronFields.toSpringCron("  */15  *  * * MON-FRI ")).isEqualTo("0 */15 * * * MON-FRI");
    }

    @Test
    void sixFieldSpringCronIsKept() {
        assertThat(CronFields.toSpringCron("* * * * * *")).isEqualTo("* * * * * *");
        assertThat(CronFields.toSpringCron("30 0 2 * * *")).isEqualTo("30 0 2 * * *");
    }

    @Test
    void macrosAreKept() {
        assertThat(CronFields.toSpringCron("@daily")).isEqualTo("@daily");
    }

    @Test
    void otherFieldCountsAreRejectedWithTheCount() {
        assertThatThrownBy(() -> CronFields.toSpringCron("0 2 * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 fields");
        assertThatThrownBy(() -> CronFields.toSpringCron("0 0 2 * * * 2026"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 fields");
        assertThatThrownBy(() -> CronFields.toSpringCron(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
    }
}
