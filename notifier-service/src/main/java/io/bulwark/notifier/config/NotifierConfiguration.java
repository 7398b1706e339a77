package io.bulwark.notifier.config;

import io.bulwark.notifier.adapter.channel.LogChannel;
import io.bulwark.notifier.adapter.channel.WebhookChannel;
import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.application.ProcessedEvents;
import io.bulwark.notifier.application.SendNotifications;
import io.bulwark.notifier.domain.NotificationRule;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the rule, the channels (log always, webhook when its URL is set) and the use case. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifierProperties.class)
public class NotifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

    @Bean
    SendNotifications sendNotifications(NotifierProperties properties) {
        List<NotificationChannel> channels = new ArrayList<>();
        channels.add(new LogChannel());
        NotifierProperties.Webhook webhook = properties.webhook();
        if (webhook.enabled()) {
            try {
                channels.add(new WebhookChannel(
                        webhook.url(),
                        webhook.resolveSecret(System::getenv),
                        webhook.connectTimeout(),
                        webhook.timeout()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("bulwark.notifier.webhook.url: " + e.getMessage(), e);
            }
        }
        log.info(
                "Notifier: notify-on-passed={}, channels={}, webhook={}",
                properties.notifyOnPassed(),
                channels.stream().map(NotificationChannel::name).toList(),
                webhook);
        return new SendNotifications(
                new NotificationRule(properties.notifyOnPassed()),
                channels,
                new ProcessedEvents(properties.dedupCapacity()));
    }
}
