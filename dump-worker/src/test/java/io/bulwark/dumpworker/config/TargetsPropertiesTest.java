package io.bulwark.dumpworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.dumpworker.domain.DumpTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TargetsPropertiesTest {

    @Test
    void bindsTheSharedTargetSettingsAndIgnoresOtherServicesParts() {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("bulwark.storage.bucket", "bulwark");
        shared.put("bulwark.targets.chinook.engine", "postgresql");
        shared.put("bulwark.targets.chinook.host", "127.0.0.1");
        shared.put("bulwark.targets.chinook.port", "5433");
        shared.put("bulwark.targets.chinook.database", "chinook");
        shared.put("bulwark.targets.chinook.username", "postgres");
        shared.put("bulwark.targets.chinook.password-env", "CHINOOK_PASSWORD");
        shared.put("bulwark.targets.chinook.schedules.nightly.cron", "0 2 * * *");
        shared.put("bulwark.targets.chinook.schedules.nightly.zone", "Europe/Berlin");
        shared.put("bulwark.targets.chinook.retention.keep-last", "7");
        shared.put("bulwark.targets.chinook.rpo", "PT25H");
        shared.put("bulwark.targets.chinook.rto", "30m");
        shared.put("bulwark.notifier.webhook.url", "http://127.0.0.1:8099/hook");

        DumpTarget chinook = bind(shared).toDumpTargets().get("chinook");

        assertThat(chinook.port()).isEqualTo(5433);
        assertThat(chinook.database()).isEqualTo("chinook");
        assertThat(chinook.password().envVariable()).isEqualTo("CHINOOK_PASSWORD");
        assertThat(chinook.dumpTimeout()).isEqualTo(Duration.ofHours(6));
        assertThat(chinook.isPostgres()).isTrue();
    }

    @Test
    void defaultsEnginePortAndTimeout() {
        DumpTarget target = bind(Map.of(
                        "bulwark.targets.shop.host", "db",
                        "bulwark.targets.shop.database", "shop",
                        "bulwark.targets.shop.username", "backup",
                        "bulwark.targets.shop.dump-timeout", "30m"))
                .toDumpTargets()
                .get("shop");
        assertThat(target.engine()).isEqualTo("postgresql");
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.dumpTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(target.password().isNone()).isTrue();
    }

    @Test
    void aWrongSettingIsNamedByItsProperty() {
        assertThatThrownBy(() -> bind(Map.of(
                        "bulwark.targets.Bad_Id.host", "db",
                        "bulwark.targets.Bad_Id.database", "x",
                        "bulwark.targets.Bad_Id.username", "u",
                        "bulwark.targets.shop.database", "shop",
                        "bulwark.targets.shop.username", "u")))
                .rootCause()
                .hasMessageContaining("bulwark.targets.Bad_Id: target id must match")
                .hasMessageContaining("bulwark.targets.shop.host: is required");
    }

    private static TargetsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bulwark", TargetsProperties.class);
    }
}
