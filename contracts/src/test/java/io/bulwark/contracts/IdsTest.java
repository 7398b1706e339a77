package io.bulwark.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"chinook", "a", "billing-db_2", "0abc"})
    void acceptsLowercaseIdsThatAreSafeInObjectKeys(String id) {
        assertThat(Ids.isSafe(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Chinook", "-db", "_db", "a/b", "a b", "../x", "é"})
    void rejectsIdsThatCouldBreakAnObjectKey(String id) {
        assertThat(Ids.isSafe(id)).isFalse();
        assertThatThrownBy(() -> Ids.requireSafe("targetId", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetId");
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void limitsIdsTo63Characters(int length) {
        assertThat(Ids.isSafe("a".repeat(length))).isEqualTo(length <= 63);
    }
}
