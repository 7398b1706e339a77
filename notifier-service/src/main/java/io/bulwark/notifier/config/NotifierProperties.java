package io.bulwark.notifier.config;

import io.bulwark.notifier.domain.Route;
import io.bulwark.notifier.domain.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notifier settings ({@code bulwark.notifier.*}).
 *
 * @param notifyOnPassed notify on each PASSED verification too (INFO); true by default
 * @param webhook the generic webhook channel of old ({@code bulwark.notifier.webhook.*}); when its URL is set it is
 *     the channel {@code webhook}
 * @param channels the channels by id ({@code bulwark.notifier.channels.<id>.*}); the channel {@code log} always
 *     exists
 * @param routes which notifications go to which channels; none sends every notification to every channel
 * @param delivery the outbox worker's schedule, retries and circuit breaker
 */
@Validated
@ConfigurationProperties("bulwark.notifier")
public record NotifierProperties(
        @DefaultValue("true") boolean notifyOnPassed,
        @Valid @DefaultValue Webhook webhook,
        Map<String, @Valid ChannelSettings> channels,
        List<@Valid RouteSettings> routes,
        @Valid @DefaultValue Delivery delivery) {

    /** Null maps and lists become empty. */
    public NotifierProperties {
        channels = channels == null ? Map.of() : new LinkedHashMap<>(channels);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** What a channel is. */
    public enum ChannelType {
        EMAIL,
        SLACK,
        TEAMS,
        DISCORD,
        WEBHOOK,
        LOG
    }

    /**
     * One channel ({@code bulwark.notifier.channels.<id>.*}).
     *
     * @param type email, slack, teams, discord, webhook or log
     * @param to email: the recipients
     * @param from email: the sender address
     * @param subjectPrefix email: put before each subject; {@code [Bulwark]} by default
     * @param url slack, teams, discord, webhook: the URL (a secret for chat webhooks: prefer {@code urlFile} or {@code
     *     urlEnv})
     * @param urlFile a file whose first line is the URL
     * @param urlEnv an environment variable holding the URL
     * @param allowInsecureHttp allow an {@code http://} URL; false by default
     * @param connectTimeout how long to wait for a connection, 5 s by default
     * @param timeout how long to wait for the answer, 10 s by default
     * @param secretFile webhook: a file holding the signing key
     * @param secretEnv webhook: an environment variable holding the signing key
     */
    public record ChannelSettings(
            @NotNull ChannelType type,
            List<String> to,
            String from,
            @DefaultValue("[Bulwark]") String subjectPrefix,
            URI url,
            String urlFile,
            String urlEnv,
            @DefaultValue("false") boolean allowInsecureHttp,
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration timeout,
            String secretFile,
            String secretEnv) {

        /** Every field but where the URL and secrets live (shown as set or not). */
        @Override
        public String toString() {
            boolean hasUrl = url != null || urlFile != null || urlEnv != null;
            return "Channel[type=" + type + (to == null ? "" : ", to=" + to.size() + " addresses")
                    + (hasUrl ? ", url=***" : "") + "]";
        }
    }

    /**
     * One route ({@code bulwark.notifier.routes[i].*}).
     *
     * @param targets target ids, or {@code *} for all (the default)
     * @param minSeverity INFO (the default), WARNING or ERROR
     * @param kinds notification kinds, exact or a prefix ending in {@code *}; none matches all
     * @param channels channel ids
     * @param escalationChannels channel ids an ESCALATED alert also goes to
     * @param escalateAfter the least escalation level reaching {@code escalationChannels}; 1 by default
     * @param reports true to take the periodic report; false by default
     */
    public record RouteSettings(
            List<String> targets,
            Severity minSeverity,
            List<String> kinds,
            List<String> channels,
            List<String> escalationChannels,
            @DefaultValue("1") @Min(1) int escalateAfter,
            @DefaultValue("false") boolean reports) {

        /** The domain route. */
        public Route toRoute() {
            return new Route(targets, minSeverity, kinds, channels, escalationChannels, escalateAfter, reports);
        }
    }

    /**
     * The delivery worker and the resilience of each channel.
     *
     * @param pollInterval how often the worker looks for due deliveries (it also runs right after a notification is
     *     recorded); 5 s by default
     * @param batch deliveries per pass; 50 by default
     * @param maxRounds failed rounds before a delivery is DEAD; 12 by default
     * @param roundBackoff the wait after the first failed round, doubled after each further one; 30 s by default
     * @param maxRoundBackoff the longest wait between rounds; 1 h by default
     * @param retryAttempts in-process attempts of one round (Resilience4j Retry); 3 by default
     * @param retryBackoff the wait after the first failed attempt, doubled after each further one; 500 ms by default
     * @param circuitFailureRate percent of failed calls that opens a channel's circuit; 50 by default
     * @param circuitWindow calls the failure rate is measured over; 6 by default
     * @param circuitOpenFor how long an open circuit pauses the channel; 60 s by default
     */
    public record Delivery(
            @DefaultValue("5s") @NotNull Duration pollInterval,
            @DefaultValue("50") @Min(1) @Max(10_000) int batch,
            @DefaultValue("12") @Min(1) int maxRounds,
            @DefaultValue("30s") @NotNull Duration roundBackoff,
            @DefaultValue("1h") @NotNull Duration maxRoundBackoff,
            @DefaultValue("3") @Min(1) @Max(20) int retryAttempts,
            @DefaultValue("500ms") @NotNull Duration retryBackoff,
            @DefaultValue("50") @Min(1) @Max(100) int circuitFailureRate,
            @DefaultValue("6") @Min(1) int circuitWindow,
            @DefaultValue("60s") @NotNull Duration circuitOpenFor) {}

    /**
     * The generic webhook.
     *
     * @param url where to POST notifications (https; http only with {@code allowInsecureHttp}); null turns the
     *     channel off
     * @param secretFile a file holding the HMAC-SHA256 key of the {@code X-Bulwark-Signature} header (its first
     *     line); preferred
     * @param secretEnv an environment variable holding the key
     * @param secret the key itself (prefer {@code secretFile} or {@code secretEnv}: a key in the configuration file
     *     is read by whoever reads the file); none of the three sends no signature; never logged, left out of {@link
     *     #toString()}
     * @param allowInsecureHttp allow an {@code http://} URL (the notification and its signature cross the network in
     *     clear): for a receiver on the same machine; false by default
     * @param connectTimeout how long to wait for a connection, 5 s by default
     * @param timeout how long to wait for the answer, 10 s by default
     * @throws IllegalArgumentException naming {@code bulwark.notifier.webhook.url} when it is {@code http://} and
     *     insecure http is not allowed
     */
    public record Webhook(
            URI url,
            String secretFile,
            String secretEnv,
            String secret,
            @DefaultValue("false") boolean allowInsecureHttp,
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration timeout) {

        public Webhook {
            if (url != null && "http".equalsIgnoreCase(url.getScheme()) && !allowInsecureHttp) {
                throw new IllegalArgumentException("bulwark.notifier.webhook.url is http://, which is refused: the"
                        + " notification and its signature would cross the network in clear; use https://, or set"
                        + " bulwark.notifier.webhook.allow-insecure-http: true for a receiver on this machine");
            }
        }

        /** True when a URL is set. */
        public boolean enabled() {
            return url != null && !url.toString().isBlank();
        }

        /**
         * The signing key: from {@code secretFile} (its first line), else {@code secretEnv}, else {@code secret};
         * null when none is named.
         *
         * @throws IllegalStateException naming the setting (never the key) when the file cannot be read or the
         *     variable is unset
         */
        public String resolveSecret(Function<String, String> environment) {
            if (secretFile != null && !secretFile.isBlank()) {
                try {
                    String content = Files.readString(Path.of(secretFile), StandardCharsets.UTF_8);
                    return content.lines().findFirst().orElse("").strip();
                } catch (IOException e) {
                    throw new IllegalStateException("bulwark.notifier.webhook.secret-file: " + secretFile
                            + " cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            }
            if (secretEnv != null && !secretEnv.isBlank()) {
                String value = environment.apply(secretEnv);
                if (value == null || value.isBlank()) {
                    throw new IllegalStateException("bulwark.notifier.webhook.secret-env: the environment variable "
                            + secretEnv + " is not set");
                }
                return value.strip();
            }
            return secret;
        }

        /** Every field but the secret (shown as set or not); the URL's path and query are hidden. */
        @Override
        public String toString() {
            String where = url == null ? "none" : url.getScheme() + "://" + url.getAuthority() + "/...";
            boolean keyed = (secret != null && !secret.isBlank())
                    || (secretFile != null && !secretFile.isBlank())
                    || (secretEnv != null && !secretEnv.isBlank());
            return "Webhook[url=" + where + ", secret=" + (keyed ? "***" : "unset") + ", allowInsecureHttp="
                    + allowInsecureHttp + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + "]";
        }
    }
}
