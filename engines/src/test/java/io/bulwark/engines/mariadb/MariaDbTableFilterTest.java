package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.DumpOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbTableFilterTest {

    private static final Duration T = Duration.ofMinutes(1);

    @Test
    void dropsTheTargetDatabasePrefixButKeepsOtherDots() {
        MariaDbTableFilter filter =
                MariaDbTableFilter.of(new DumpOptions(null, null, List.of("shop.a", "b", "other.c"), null, T), "shop");
        assertThat(filter.include()).containsExactly("a", "b", "other.c");
        assertThat(filter.dumps("a")).isTrue();
        assertThat(filter.dumps("z")).isFalse();
    }

    @Test
    void takesExcludedNamesOutOfTheIncludedOnes() {
        MariaDbTableFilter filter = MariaDbTableFilter.of(
                new DumpOptions(null, null, List.of("a", "b", "a"), List.of("shop.b"), T), "shop");
        assertThat(filter.include()).containsExactly("a");
        assertThat(filter.exclude()).isEmpty();
    }

    @Test
    void excludesWithoutIncludes() {
        MariaDbTableFilter filter = MariaDbTableFilter.of(new DumpOptions(null, null, null, List.of("b"), T), "shop");
        assertThat(filter.dumps("a")).isTrue();
        assertThat(filter.dumps("b")).isFalse();
    }

    @Test
    void refusesSchemaFiltersAndAnEmptySelection() {
        assertThatThrownBy(() -> MariaDbTableFilter.of(new DumpOptions(List.of("x"), null, null, null, T), "shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema filters");
        assertThatThrownBy(() -> MariaDbTableFilter.of(new DumpOptions(null, null, List.of("a"), List.of("a"), T), "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to dump");
    }
}
