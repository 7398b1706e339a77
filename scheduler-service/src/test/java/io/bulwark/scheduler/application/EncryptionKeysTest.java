package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {

    private static final String OLD = "AAAA000000000000000000000000000000000000";
    private static final String NEW = "BBBB000000000000000000000000000000000000";
    private static final String SPARE = "CCCC000000000000000000000000000000000000";

    private final MemoryKeys catalog = new MemoryKeys();
    private final EncryptionKeys keys = new EncryptionKeys(
            catalog,
            () -> Map.of("chinook", List.of(NEW)),
            Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"), ZoneOffset.UTC),
            new Transactions() {
                @Override
                public <T> T inTransaction(java.util.function.Supplier<T> work) {
                    return work.get();
                }
            });

    @Test
    void countsTheBackupsEachKeyOpensAndThoseOnlyItOpens() {
        UUID a = catalog.add(List.of(OLD));
        UUID b = catalog.add(List.of(OLD, SPARE));
        catalog.add(null);

        assertThat(keys.list()).extracting(EncryptionKeys.Key::fingerprint).containsExactly(OLD, NEW, SPARE);
        EncryptionKeys.Key old = keys.find(OLD.toLowerCase()).orElseThrow();
        assertThat(old.backups()).containsExactly(a, b);
        assertThat(old.soleKeyOf()).containsExactly(a);
        assertThat(keys.find(NEW).orElseThrow().targets()).containsExactly("chinook");
        assertThat(keys.backupsWithUnknownRecipients()).isEqualTo(1);
    }

    @Test
    void retiringTheOnlyKeyOfARetainedBackupIsRefusedNamingIt() {
        UUID a = catalog.add(List.of(OLD));

        assertThatThrownBy(() -> keys.retire(OLD, "alice"))
                .isInstanceOfSatisfying(
                        SoleKeyException.class, e -> assertThat(e.backups()).containsExactly(a));
        assertThat(catalog.retired()).isEmpty();
    }

    @Test
    void aKeyNoBackupDependsOnAloneIsRetiredByTheCaller() {
        catalog.add(List.of(OLD, NEW));

        EncryptionKeys.Key retired = keys.retire(OLD, "alice");

        assertThat(retired.retired().by()).isEqualTo("alice");
        assertThat(retired.retired().at()).isEqualTo(Instant.parse("2026-12-03T05:00:00Z"));
        assertThatThrownBy(() -> keys.retire("DEAD", "alice")).isInstanceOf(KeyNotFoundException.class);
    }

    private static final class MemoryKeys implements KeyCatalog {
        private final List<RetainedBackup> backups = new ArrayList<>();
        private final Map<String, Retirement> retired = new LinkedHashMap<>();

        UUID add(List<String> recipients) {
            UUID id = UUID.randomUUID();
            backups.add(new RetainedBackup(id, "chinook", "VERIFIED", recipients));
            return id;
        }

        @Override
        public void saveRecipients(UUID backupId, List<String> recipients, String learntFrom, Instant at) {
            backups.replaceAll(b -> b.backupId().equals(backupId)
                    ? new RetainedBackup(backupId, b.targetId(), b.state(), recipients)
                    : b);
        }

        @Override
        public List<RetainedBackup> retainedBackups() {
            return List.copyOf(backups);
        }

        @Override
        public Map<String, Retirement> retired() {
            return Map.copyOf(retired);
        }

        @Override
        public void retire(String fingerprint, String by, Instant at) {
            retired.putIfAbsent(fingerprint, new Retirement(at, by));
        }
    }
}
