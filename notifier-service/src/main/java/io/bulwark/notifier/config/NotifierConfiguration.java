package io.bulwark.notifier.config;

import io.bulwark.notifier.adapter.channel.ResilientChannel;
import io.bulwark.notifier.adapter.persistence.JdbcDeliveryOutbox;
import io.bulwark.notifier.application.DeliverNotifications;
import io.bulwark.notifier.application.DeliveryOutbox;
import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.application.SendNotifications;
import io.bulwark.notifier.domain.AlertNotificationRule;
import io.bulwark.notifier.domain.NotificationRule;
import io.bulwark.notifier.domain.Routing;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the rules, the channels (each behind retry and a circuit breaker), the routes, the outbox, the delivery worker
 * and the use cases. A wrong setting fails start-up with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifierProperties.class)
public class NotifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

    @Bean
    Clock notifierClock() {
        return Clock.systemUTC();
    }

    @Bean
    DeliveryOutbox deliveryOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new JdbcDeliveryOutbox(jdbc, new TransactionTemplate(transactions));
    }

    /**
     * Every channel behind its retry and circuit breaker.
     *
     * @throws IllegalStateException naming the property when a channel is misconfigured
     */
    /**
     * The configured channels, each behind its retry and circuit breaker.
     *
     * @param all in configuration order, {@code log} first
     */
    record Channels(List<NotificationChannel> all) {}

    @Bean
    Channels notificationChannels(NotifierProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        NotifierProperties.Delivery d = properties.delivery();
        ResilientChannel.Settings settings = new ResilientChannel.Settings(
                d.retryAttempts(), d.retryBackoff(), d.circuitFailureRate(), d.circuitWindow(), d.circuitOpenFor());
        List<NotificationChannel> channels = new ChannelFactory(System::getenv, mailSender::getIfAvailable)
                .channels(properties).stream()
                        .<NotificationChannel>map(c -> new ResilientChannel(c, settings))
                        .toList();
        log.info(
                "Notifier: notify-on-passed={}, channels={}, routes={}",
                properties.notifyOnPassed(),
                channels.stream().map(NotificationChannel::name).toList(),
                properties.routes().size());
        return new Channels(channels);
    }

    @Bean
    DeliverNotifications deliverNotifications(
            DeliveryOutbox outbox, Channels notificationChannels, NotifierProperties properties, Clock notifierClock) {
        NotifierProperties.Delivery d = properties.delivery();
        return new DeliverNotifications(
                outbox,
                notificationChannels.all(),
                notifierClock,
                new DeliverNotifications.Rounds(d.maxRounds(), d.roundBackoff(), d.maxRoundBackoff(), d.batch()));
    }

    @Bean
    DeliveryWorker deliveryWorker(DeliverNotifications deliverNotifications, NotifierProperties properties) {
        return new DeliveryWorker(deliverNotifications, properties.delivery().pollInterval());
    }

    /**
     * The routes, checked against the channels.
     *
     * @throws IllegalStateException naming {@code bulwark.notifier.routes[i].channels} or {@code
     *     .escalation-channels} when a route names an unknown channel
     */
    @Bean
    Routing routing(NotifierProperties properties, Channels notificationChannels) {
        List<String> ids = notificationChannels.all().stream()
                .map(NotificationChannel::name)
                .toList();
        Set<String> known = Set.copyOf(ids);
        List<NotifierProperties.RouteSettings> routes = properties.routes();
        for (int i = 0; i < routes.size(); i++) {
            NotifierProperties.RouteSettings r = routes.get(i);
            check("bulwark.notifier.routes[" + i + "].channels", r.channels(), known);
            check("bulwark.notifier.routes[" + i + "].escalation-channels", r.escalationChannels(), known);
        }
        return new Routing(
                routes.stream().map(NotifierProperties.RouteSettings::toRoute).toList(), ids);
    }

    private static void check(String property, List<String> named, Set<String> known) {
        for (String id : named == null ? List.<String>of() : named) {
            if (!known.contains(id)) {
                throw new IllegalStateException(property + ": unknown channel '" + id + "'; configured channels: "
                        + known.stream().sorted().toList());
            }
        }
    }

    @Bean
    SendNotifications sendNotifications(
            NotifierProperties properties,
            Routing routing,
            DeliveryOutbox outbox,
            DeliveryWorker deliveryWorker,
            Clock notifierClock,
            @Value("${bulwark.console.public-url:}") String publicUrl) {
        return new SendNotifications(
                new NotificationRule(properties.notifyOnPassed(), publicUrl),
                new AlertNotificationRule(),
                routing,
                outbox,
                notifierClock,
                deliveryWorker::wake);
    }
}
