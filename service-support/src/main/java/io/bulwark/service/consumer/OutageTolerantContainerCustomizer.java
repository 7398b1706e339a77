package io.bulwark.service.consumer;

import io.bulwark.service.consumer.FailureClassifier.Failure;
import io.bulwark.service.consumer.FailureClassifier.Kind;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Moves retry and dead-lettering of every consumer binding from the binder into the listener container ({@link
 * #retryAndDlqInBinding} is false), with a {@link DefaultErrorHandler} that decides per exception ({@link
 * FailureClassifier}):
 *
 * <ul>
 *   <li>infrastructure: the same record is retried with the {@link OutageBackOffProperties} pause (1 s doubling to
 *       30 s) without limit and never dead-lettered; the records behind it wait, so order is kept. The container
 *       seeks back and polls again between attempts, so the consumer stays in its group however long the outage;
 *   <li>bad input: dead-lettered at once ({@code <topic>.dlq}, the binding's {@code dlq-name}), the consumer goes on;
 *   <li>other: the binding's own back-off ({@code max-attempts}, {@code back-off-*}), then dead-lettered.
 * </ul>
 *
 * <p>The outage's start and end are logged once each through {@link ConsumerOutages}; the retries in between log at
 * DEBUG only. The binder applies this only to a binding with {@code max-attempts} above 1 (with 1 it keeps its own
 * dead-lettering); a binding without {@code enable-dlq} drops a bad record with an ERROR log line instead.
 * Dead letters are sent through the given {@link KafkaOperations}; {@link #close} closes its producers.
 */
public final class OutageTolerantContainerCustomizer
        implements ListenerContainerWithDlqAndRetryCustomizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutageTolerantContainerCustomizer.class);

    private final KafkaOperations<?, ?> deadLetters;
    private final OutageBackOffProperties outageBackOff;
    private final ConsumerOutages outages;

    /**
     * @param deadLetters the producer of the dead letters (byte[] keys and values, as the binder reads them)
     * @param outageBackOff the pauses while an outage lasts
     * @param outages the outage state and log of every binding
     */
    public OutageTolerantContainerCustomizer(
            KafkaOperations<?, ?> deadLetters, OutageBackOffProperties outageBackOff, ConsumerOutages outages) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.outageBackOff = Objects.requireNonNull(outageBackOff, "outageBackOff");
        this.outages = Objects.requireNonNull(outages, "outages");
    }

    /** Always false: the container's error handler retries and dead-letters, not the binding. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    /**
     * Sets the container's error handler and record interceptor.
     *
     * @param dlqDestinationResolver the binding's dead-letter topic and partition; null when {@code enable-dlq} is off
     * @param backOff the binding's back-off for other failures; null when {@code max-attempts} is 1
     */
    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        container.setCommonErrorHandler(errorHandler(destinationName, dlqDestinationResolver, backOff));
        interceptWith(container, new OutageTracking(outages.binding(destinationName, group)));
    }

    /**
     * The error handler of one binding.
     *
     * @param destinationName the consumed topic, for the log line of a bad record without a dead-letter topic
     * @param dlqDestinationResolver where dead letters go; null drops them (logged at ERROR)
     * @param backOff the back-off of other failures; null for none
     * @return the handler
     */
    DefaultErrorHandler errorHandler(
            String destinationName,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        ConsumerRecordRecoverer recoverer = dlqDestinationResolver != null
                ? deadLettering(new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver))
                : (record, e) -> log.error(
                        "Dropped the record at {}-{} offset {}: {} (no dead-letter topic)",
                        destinationName,
                        record.partition(),
                        record.offset(),
                        FailureClassifier.classify(e).reason());
        BackOff otherBackOff = backOff != null ? backOff : new FixedBackOff(0L, 0L);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, otherBackOff);
        handler.setBackOffFunction((record, e) -> backOffFor(FailureClassifier.classify(e), otherBackOff));
        // a record whose failure changes kind (a rollback error first, the refused connection next) is judged again:
        // the back-off of its latest failure applies, not that of its first
        handler.setResetStateOnExceptionChange(true);
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /** {@code publisher}, logging each dead letter at WARN once it is sent. */
    private static ConsumerRecordRecoverer deadLettering(DeadLetterPublishingRecoverer publisher) {
        return (record, e) -> {
            publisher.accept(record, e);
            log.warn(
                    "Dead-lettered the record at {}-{} offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    FailureClassifier.classify(e).reason());
        };
    }

    private BackOff backOffFor(Failure failure, BackOff otherBackOff) {
        return switch (failure.kind()) {
            case INFRASTRUCTURE -> outageBackOff.backOff();
            case BAD_INPUT -> new FixedBackOff(0L, 0L);
            case OTHER -> otherBackOff;
        };
    }

    /** Closes the dead-letter producers when they come from a {@link KafkaTemplate}'s disposable factory. */
    @Override
    public void close() throws Exception {
        if (deadLetters instanceof KafkaTemplate<?, ?> template
                && template.getProducerFactory() instanceof DisposableBean factory) {
            factory.destroy();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void interceptWith(AbstractMessageListenerContainer container, RecordInterceptor tracking) {
        RecordInterceptor existing = container.getRecordInterceptor();
        container.setRecordInterceptor(
                existing == null ? tracking : new CompositeRecordInterceptor(existing, tracking));
    }

    /** Tells the binding's {@link ConsumerOutages.Binding} of each infrastructure failure and each success. */
    static final class OutageTracking implements RecordInterceptor<Object, Object> {

        private final ConsumerOutages.Binding binding;

        OutageTracking(ConsumerOutages.Binding binding) {
            this.binding = binding;
        }

        @Override
        public ConsumerRecord<Object, Object> intercept(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            return record;
        }

        @Override
        public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            binding.succeeded();
        }

        @Override
        public void failure(
                ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
            Failure failure = FailureClassifier.classify(exception);
            if (failure.kind() == Kind.INFRASTRUCTURE) {
                binding.failed(failure, record.partition(), record.offset());
            }
        }
    }
}
