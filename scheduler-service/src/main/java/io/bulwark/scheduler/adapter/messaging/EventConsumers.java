package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.application.ProjectEvents;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer function beans, one per event topic (bindings {@code <bean>-in-0}, group {@code
 * bulwark-scheduler}): each decodes its topic's payload with {@link EventJson} and projects it.
 *
 * <p>An {@link InvalidEventException} (malformed JSON, a missing field) propagates, so the binder
 * sends the record to {@code <topic>.dlq} and goes on with the next one.
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

    /** Projects {@code bulwark.backup.requested}, also requests published by other systems. */
    @Bean
    public Consumer<Message<byte[]>> onBackupRequested(ProjectEvents projection) {
        return message -> projection.project(decode(Topics.BACKUP_REQUESTED, message));
    }

    /** Projects {@code bulwark.backup.completed}. */
    @Bean
    public Consumer<Message<byte[]>> onBackupCompleted(ProjectEvents projection) {
        return message -> projection.project(decode(Topics.BACKUP_COMPLETED, message));
    }

    /** Projects {@code bulwark.backup.failed}. */
    @Bean
    public Consumer<Message<byte[]>> onBackupFailed(ProjectEvents projection) {
        return message -> projection.project(decode(Topics.BACKUP_FAILED, message));
    }

    /** Projects {@code bulwark.backup.verified}. */
    @Bean
    public Consumer<Message<byte[]>> onBackupVerified(ProjectEvents projection) {
        return message -> projection.project(decode(Topics.BACKUP_VERIFIED, message));
    }

    /** Projects {@code bulwark.backup.deleted}. */
    @Bean
    public Consumer<Message<byte[]>> onBackupDeleted(ProjectEvents projection) {
        return message -> projection.project(decode(Topics.BACKUP_DELETED, message));
    }

    /**
     * Decodes a record of {@code topic}.
     *
     * @throws InvalidEventException when the payload is missing or not a valid event of that topic
     */
    static BulwarkEvent decode(String topic, Message<byte[]> message) {
        byte[] payload = message.getPayload();
        if (payload == null || payload.length == 0) {
            throw new InvalidEventException(topic + ": empty payload", null);
        }
        return EventJson.read(topic, payload);
    }
}
