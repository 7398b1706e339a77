package io.bulwark.notifier.config;

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
import java.util.function.Function;
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
