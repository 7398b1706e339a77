package io.bulwark.notifier.config;

import io.bulwark.notifier.adapter.channel.DiscordChannel;
import io.bulwark.notifier.adapter.channel.EmailChannel;
import io.bulwark.notifier.adapter.channel.LogChannel;
import io.bulwark.notifier.adapter.channel.SlackChannel;
import io.bulwark.notifier.adapter.channel.TeamsChannel;
import io.bulwark.notifier.adapter.channel.WebhookChannel;
import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.config.NotifierProperties.ChannelSettings;
import io.bulwark.service.secrets.SecretReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Builds the channels of {@code bulwark.notifier.channels}, the old {@code bulwark.notifier.webhook} (as the channel
 * {@code webhook}) and the channel {@code log} (always there). Every error names the property to fix and never
 * shows a webhook URL or a secret.
 */
final class ChannelFactory {

    private static final String PREFIX = "bulwark.notifier.channels.";

    private final Function<String, String> environment;
    private final Supplier<JavaMailSender> mailSender;

    /**
     * @param environment environment variables by name (null when unset)
     * @param mailSender the SMTP client of {@code spring.mail.*}, or a supplier of null when {@code spring.mail.host}
     *     is unset
     */
    ChannelFactory(Function<String, String> environment, Supplier<JavaMailSender> mailSender) {
        this.environment = environment;
        this.mailSender = mailSender;
    }

    /**
     * The channels, {@code log} first, then the configured ones in configuration order.
     *
     * @throws IllegalStateException naming the property when a channel is misconfigured
     */
    List<NotificationChannel> channels(NotifierProperties properties) {
        Map<String, NotificationChannel> channels = new LinkedHashMap<>();
        channels.put("log", new LogChannel());
        NotifierProperties.Webhook legacy = properties.webhook();
        if (legacy.enabled() && !properties.channels().containsKey("webhook")) {
            try {
                channels.put(
                        "webhook",
                        new WebhookChannel(
                                "webhook",
                                legacy.url(),
                                legacy.resolveSecret(environment),
                                legacy.connectTimeout(),
                                legacy.timeout(),
                                Clock.systemUTC()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("bulwark.notifier.webhook.url: " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, ChannelSettings> entry : properties.channels().entrySet()) {
            String id = entry.getKey();
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,62}")) {
                throw new IllegalStateException(PREFIX + id + ": a channel id is letters, digits, - and _");
            }
            channels.put(id, channel(id, entry.getValue()));
        }
        return new ArrayList<>(channels.values());
    }

    private NotificationChannel channel(String id, ChannelSettings s) {
        String at = PREFIX + id;
        if (s.type() == null) {
            throw new IllegalStateException(at + ".type is required: email, slack, teams, discord, webhook or log");
        }
        return switch (s.type()) {
            case LOG -> new NamedLog(id);
            case EMAIL -> {
                JavaMailSender sender = mailSender.get();
                if (sender == null) {
                    throw new IllegalStateException(
                            at + ": an email channel needs an SMTP server: set spring.mail.host (and spring.mail.*)");
                }
                if (s.to() == null || s.to().isEmpty()) {
                    throw new IllegalStateException(at + ".to: at least one recipient address is required");
                }
                if (s.from() == null || s.from().isBlank()) {
                    throw new IllegalStateException(at + ".from: the sender address is required");
                }
                yield new EmailChannel(id, sender, s.from(), s.to(), s.subjectPrefix());
            }
            case SLACK -> new SlackChannel(id, url(at, s), s.connectTimeout(), s.timeout());
            case TEAMS -> new TeamsChannel(id, url(at, s), s.connectTimeout(), s.timeout());
            case DISCORD -> new DiscordChannel(id, url(at, s), s.connectTimeout(), s.timeout());
            case WEBHOOK ->
                new WebhookChannel(
                        id,
                        url(at, s),
                        new SecretReader(environment).read(s.secretEnv(), s.secretFile(), at + ".secret"),
                        s.connectTimeout(),
                        s.timeout(),
                        Clock.systemUTC());
        };
    }

    /** The URL from url-file, url-env or url, checked: http(s), and http only with allow-insecure-http. */
    private URI url(String at, ChannelSettings s) {
        URI url = s.url();
        if (s.urlFile() != null || s.urlEnv() != null) {
            String text = new SecretReader(environment).read(s.urlEnv(), s.urlFile(), at + ".url");
            try {
                url = new URI(text == null ? "" : text.strip());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(at + ".url-file/url-env: the value is not a URL");
            }
        }
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new IllegalStateException(at + ": set url-file, url-env or url to the webhook's http(s) URL");
        }
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalStateException(at + ".url must be https:// (or http:// with allow-insecure-http)");
        }
        if (scheme.equals("http") && !s.allowInsecureHttp()) {
            throw new IllegalStateException(at + ".url is http://, which is refused: the notification and the"
                    + " webhook's token would cross the network in clear; use https://, or set " + at
                    + ".allow-insecure-http: true for a receiver on this machine");
        }
        return url;
    }

    /** A log channel under another id. */
    private static final class NamedLog implements NotificationChannel {
        private final String id;
        private final LogChannel log = new LogChannel();

        NamedLog(String id) {
            this.id = id;
        }

        @Override
        public String name() {
            return id;
        }

        @Override
        public void deliver(io.bulwark.notifier.domain.Notification notification) {
            log.deliver(notification);
        }
    }
}
