package io.bulwark.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void aNotificationCarriesNoSecretAndNoRowData() {
        Notification n = new Notification(
                UUID.randomUUID(),
                Severity.values()[0],
                "backup.failed",
                "shop",
                null,
                "Backup of shop FAILED: postgresql://backup:hunter2@db:5432/shop refused",
                List.of(),
                "DUMP_FAILED: pg_dump: error: ... PGPASSWORD=hunter2\nDETAIL:  Key (email)=(alice@example.com) already"
                        + " exists.",
                Instant.now(),
                null);
        assertThat(n.summary()).contains("postgresql://***@db:5432/shop").doesNotContain("hunter2");
        assertThat(n.reason()).doesNotContain("hunter2").doesNotContain("alice@example.com");
    }
}
