package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final Instant STARTED = Instant.parse("2026-11-23T19:01:02.345Z");

    @Test
    void prefixFollowsTheDesignLayoutInUtc() {
        assertThat(ObjectKeys.backupPrefix("chinook", "adhoc", STARTED, BACKUP))
                .isEqualTo("chinook/2026/11/adhoc_20261123T190102Z_1a2b3c4d/");
    }

    @Test
    void yearAndMonthComeFromUtcNotLocalTime() {
        Instant newYearUtc = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(ObjectKeys.backupPrefix("t", "nightly", newYearUtc, BACKUP))
                .isEqualTo("t/2026/12/nightly_20261231T233000Z_1a2b3c4d/");
    }

    @Test
    void objectKeysLiveInsideThePrefix() {
        String prefix = ObjectKeys.backupPrefix("chinook", "adhoc", STARTED, BACKUP);
        assertThat(ObjectKeys.pgDumpKey(prefix)).isEqualTo(prefix + "dump.pgcustom.zst");
        assertThat(ObjectKeys.manifestKey(prefix)).isEqualTo(prefix + "manifest.json");
        assertThat(ObjectKeys.verificationKey(prefix)).isEqualTo(prefix + "verification.json");
        assertThat(ObjectKeys.prefixOf(ObjectKeys.manifestKey(prefix))).isEqualTo(prefix);
        assertThat(ObjectKeys.inPrefix("a/b", "c")).isEqualTo("a/b/c");
    }

    @Test
    void theDumpKeyNamesFormatCompressionAndEncryption() {
        String prefix = ObjectKeys.backupPrefix("chinook", "adhoc", STARTED, BACKUP);
        OpenPgpEncryption encryption = OpenPgpEncryption.withPassphrase("secret".toCharArray());

        assertThat(ObjectKeys.dumpKey(prefix, "pgcustom", CodecChain.zstd())).isEqualTo(prefix + "dump.pgcustom.zst");
        assertThat(ObjectKeys.dumpKey(prefix, "sql", CodecChain.zstd(5).encryptedWith(encryption)))
                .isEqualTo(prefix + "dump.sql.zst.gpg");
        assertThat(ObjectKeys.dumpKey(prefix, "sql", CodecChain.gzip(6))).isEqualTo(prefix + "dump.sql.gz");
        assertThat(ObjectKeys.dumpKey(prefix, "pgcustom", CodecChain.gzip(6).encryptedWith(encryption)))
                .isEqualTo(prefix + "dump.pgcustom.gz.gpg");
        assertThat(ObjectKeys.pgDumpKey(prefix)).isEqualTo(ObjectKeys.dumpKey(prefix, "pgcustom", CodecChain.zstd()));
    }

    @Test
    void rejectsAnUnsafeFormatExtension() {
        assertThatThrownBy(() -> ObjectKeys.dumpKey("p/", "../x", CodecChain.zstd()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formatExtension");
        assertThatThrownBy(() -> ObjectKeys.dumpKey("p/", "", CodecChain.zstd()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesTheKeysOfOneBackup() {
        String key = ObjectKeys.manifestKey(ObjectKeys.backupPrefix("chinook", "adhoc", STARTED, BACKUP));
        assertThat(ObjectKeys.belongsTo(key, BACKUP)).isTrue();
        assertThat(ObjectKeys.belongsTo(key, UUID.fromString("9a2b3c4d-0000-4000-8000-000000000001")))
                .isFalse();
        assertThat(ObjectKeys.targetPrefix("chinook")).isEqualTo("chinook/");
    }

    @Test
    void rejectsUnsafeTargetsAndLabels() {
        assertThatThrownBy(() -> ObjectKeys.backupPrefix("../etc", "adhoc", STARTED, BACKUP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetId");
        assertThatThrownBy(() -> ObjectKeys.backupPrefix("ok", "Bad Label", STARTED, BACKUP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label");
    }
}
