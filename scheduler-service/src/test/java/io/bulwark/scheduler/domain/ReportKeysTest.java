package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportKeysTest {

    private static final UUID ID = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final String PREFIX = "chinook/2026/12/adhoc_20261203T070000Z_1a2b3c4d/";

    @Test
    void keysInsideTheBackupsOwnPrefixMayBeRead() {
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX + "verification.json")).isEmpty();
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX + "restores/" + UUID.randomUUID() + "/restore.json"))
                .isEmpty();
        assertThat(ReportKeys.refusal(PREFIX.substring(0, PREFIX.length() - 1), ID, PREFIX + "verification.html"))
                .as("a prefix without its trailing slash")
                .isEmpty();
    }

    @Test
    void aKeyOutsideThePrefixIsRefused() {
        assertThat(ReportKeys.refusal(PREFIX, ID, "chinook/2026/12/other_20261203T070000Z_99999999/verification.json"))
                .hasValueSatisfying(why -> assertThat(why).contains("outside"));
        assertThat(ReportKeys.refusal(PREFIX, ID, "_bulwark/restores/x.json")).isPresent();
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX))
                .as("the folder itself")
                .isPresent();
        assertThat(ReportKeys.refusal(PREFIX, ID, "chinook/2026/12/adhoc_20261203T070000Z_1a2b3c4d-evil/x"))
                .isPresent();
    }

    @Test
    void aKeyThatClimbsOutOfThePrefixIsRefused() {
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX + "../../../../other/verification.json"))
                .hasValueSatisfying(why -> assertThat(why).contains("'..'"));
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX + "./verification.json"))
                .isPresent();
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX + "/verification.json"))
                .isPresent();
        assertThat(ReportKeys.refusal(PREFIX, ID, PREFIX + "a\\..\\b")).isPresent();
    }

    @Test
    void aPrefixThatIsNotTheBackupsFolderIsRefused() {
        assertThat(ReportKeys.refusal("chinook/", ID, "chinook/2026/12/any/verification.json"))
                .hasValueSatisfying(why -> assertThat(why).contains("not the folder of backup"));
        assertThat(ReportKeys.refusal("../" + PREFIX, ID, "../" + PREFIX + "verification.json"))
                .isPresent();
        assertThat(ReportKeys.refusal(null, ID, PREFIX + "verification.json")).isPresent();
        assertThat(ReportKeys.refusal(PREFIX, ID, null)).isPresent();
    }
}
