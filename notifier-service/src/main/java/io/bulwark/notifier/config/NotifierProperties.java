package io.bulwark.notifier.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notifier settings ({@code bulwark.notifier.*}).
 *
 * @param notifyOnPassed notify on each PASSED verification too (INFO); true by default
 * @param dedupCapacity how many source event ids to remember for de-duplication (in memory)
 * @param webhook the generic webhook channel; off while its URL is unset
 */
@Validated
@ConfigurationProperties("bulwark.notifier")
public record NotifierProperties(
        @DefaultValue("true") boolean notifyOnPassed,
        @DefaultValue("100000") @Min(1) @Max(10_000_000) int dedupCapacity,
        @Valid @DefaultValue Webhook webhook) {

    /**
     * The generic webhook.
     *
     * @param url where to POST notifications (http or https); null turns the channel off
     * @param secret HMAC-SHA256 key for the {@code X-Bulwark-Signature} header; null sends no
     *     signature; never logged, left out of {@link #toString()}
     * @param connectTimeout how long to wait for a connection, 5 s by default
     * @param timeout how long to wait for the answer, 10 s by default
     */
    public record Webhook(
            URI url,
            String secret,
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration timeout) {

        /** True when a URL is set. */
        public boolean enabled() {
            return url != null && !url.toString().isBlank();
        }

        /** Every field but the secret (shown as set or not); the URL's path and query are hidden. */
        @Override
        public String toString() {
            String where = url == null ? "none" : url.getScheme() + "://" + url.getAuthority() + "/...";
            return "Webhook[url=" + where + ", secret=" + (secret == null || secret.isBlank() ? "unset" : "***")
                    + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + "]";
        }
    }
}
