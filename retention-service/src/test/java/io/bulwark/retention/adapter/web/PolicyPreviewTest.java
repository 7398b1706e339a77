package io.bulwark.retention.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.retention.domain.RetentionPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyPreviewTest {

    private static final RetentionPolicy CONFIGURED = RetentionPolicy.keepLast(7);

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void withoutParametersTheConfiguredPolicyAnswers() {
        assertThat(PolicyPreview.apply(CONFIGURED, params("keepDaily", null, "keepWithin", " ")))
                .isSameAs(CONFIGURED);
    }

    @Test
    void parametersReplaceTheConfiguredSettingsForTheAnswer() {
        RetentionPolicy preview = PolicyPreview.apply(
                CONFIGURED,
                params(
                        "keepLast", "0",
                        "keepDaily", "14",
                        "keepWeekly", "4",
                        "keepWithin", "30d",
                        "keepFailed", "P3D",
                        "keepManual", "90d"));

        assertThat(preview.name())
                .isEqualTo("keep-daily=14 keep-weekly=4 keep-within=30d keep-failed=3d keep-manual=90d");
        assertThat(CONFIGURED.name()).isEqualTo("keep-last=7");
    }

    @Test
    void aWrongValueIsRefusedNamingItsParameter() {
        for (Map.Entry<String, String> wrong : Map.of(
                        "keepDaily", "seven",
                        "keepHourly", "-1",
                        "keepYearly", "1000000",
                        "keepWithin", "0s",
                        "keepFailed", "-3d",
                        "keepManual", "soon")
                .entrySet()) {
            assertThatThrownBy(() -> PolicyPreview.apply(CONFIGURED, params(wrong.getKey(), wrong.getValue())))
                    .as(wrong.toString())
                    .isInstanceOfSatisfying(
                            PolicyPreview.InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo(wrong.getKey()))
                    .hasMessageContaining(wrong.getKey());
        }
    }

    @Test
    void aPreviewWithoutAnyKeepRuleIsRefused() {
        assertThatThrownBy(() -> PolicyPreview.apply(CONFIGURED, params("keepLast", "0")))
                .isInstanceOfSatisfying(
                        PolicyPreview.InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("keepLast"))
                .hasMessageContaining("no keep rule");
    }
}
