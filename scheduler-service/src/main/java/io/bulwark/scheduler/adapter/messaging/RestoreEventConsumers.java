package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.application.ProjectRestoreEvents;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer function beans of the four restore topics (bindings {@code <bean>-in-0}, group {@code
 * bulwark-scheduler}): each decodes its topic's payload ({@link EventConsumers#decode}) and projects it into the
 * restore catalog.
 *
 * <p>An {@link InvalidEventException} (malformed JSON, a missing restore id) propagates, so the binder sends the
 * record to {@code <topic>.dlq} and goes on with the next one.
 */
@Configuration(proxyBeanMethods = false)
public class RestoreEventConsumers {

    /** Projects {@code bulwark.restore.requested}, also requests published by other systems. */
    @Bean
    public Consumer<Message<byte[]>> onRestoreRequested(ProjectRestoreEvents projection) {
        return message -> projection.project(EventConsumers.decode(Topics.RESTORE_REQUESTED, message));
    }

    /** Projects {@code bulwark.restore.progress}. */
    @Bean
    public Consumer<Message<byte[]>> onRestoreProgressed(ProjectRestoreEvents projection) {
        return message -> projection.project(EventConsumers.decode(Topics.RESTORE_PROGRESS, message));
    }

    /** Projects {@code bulwark.restore.completed}. */
    @Bean
    public Consumer<Message<byte[]>> onRestoreCompleted(ProjectRestoreEvents projection) {
        return message -> projection.project(EventConsumers.decode(Topics.RESTORE_COMPLETED, message));
    }

    /** Projects {@code bulwark.restore.failed}. */
    @Bean
    public Consumer<Message<byte[]>> onRestoreFailed(ProjectRestoreEvents projection) {
        return message -> projection.project(EventConsumers.decode(Topics.RESTORE_FAILED, message));
    }
}
