package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class CaptureClientTest {

    @Test
    void sendsTheCloudEventsHeadersAsUtf8LikeTheServicesDo() {
        BackupRequested request =
                BackupRequested.of("bench-s1-plain", Trigger.MANUAL, null, "bench", Tier.ADHOC, "bulwark bench");

        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : CaptureClient.headers(request)) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }

        assertThat(headers).isEqualTo(EventHeaders.cloudEventHeaders(request, "/bulwark/bench"));
        assertThat(headers)
                .containsEntry(EventHeaders.CE_TYPE, "bulwark.backup.requested")
                .containsEntry(EventHeaders.CE_ID, request.eventId().toString());
    }
}
