package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @Test
    void readsShortUnitsAndIso8601() {
        assertThat(DurationConverter.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rejectsTextThatIsNoDuration() {
        assertThatThrownBy(() -> DurationConverter.parse("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("soon");
    }
}
