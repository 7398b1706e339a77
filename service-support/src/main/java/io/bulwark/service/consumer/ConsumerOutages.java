package io.bulwark.service.consumer;

import io.bulwark.service.consumer.FailureClassifier.Failure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which consumers are waiting out an infrastructure outage, one {@link Binding} per topic and group. A binding logs
 * one WARN when its outage starts (topic, group, what is unreachable and why, the record it waits on) and one INFO
 * when a record succeeds again (how long it waited, how many failed attempts); the retries in between log nothing.
 * With a {@link MeterRegistry}, gauge {@value #GAUGE} (tags {@code topic}, {@code group}) is 1 while the binding
 * waits and 0 otherwise. Thread-safe.
 */
public final class ConsumerOutages {

    /** The name of the gauge that is 1 while a consumer waits on an outage. */
    public static final String GAUGE = "bulwark.consumer.outage";

    private static final Logger log = LoggerFactory.getLogger(ConsumerOutages.class);

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    /**
     * @param registry where the gauges go; null for none
     * @param clock the clock the outage durations are measured with
     */
    public ConsumerOutages(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The state of the consumer of {@code topic} in {@code group}, made (and its gauge registered) on first use.
     *
     * @param topic the consumed topic, e.g. {@code bulwark.backup.verified}
     * @param group the consumer group, e.g. {@code bulwark-retention}
     * @return the binding's state; the same object for the same topic and group
     */
    public Binding binding(String topic, String group) {
        return bindings.computeIfAbsent(topic + "\u0000" + group, key -> {
            Binding binding = new Binding(topic, group);
            if (registry != null) {
                Gauge.builder(GAUGE, binding, b -> b.waiting() ? 1 : 0)
                        .description("1 while the consumer waits on an unreachable database, object store or broker")
                        .tag("topic", topic)
                        .tag("group", String.valueOf(group))
                        .register(registry);
            }
            return binding;
        });
    }

    /** True while at least one consumer waits on an outage. */
    public boolean anyWaiting() {
        return bindings.values().stream().anyMatch(Binding::waiting);
    }

    /** The outage state of one consumer (topic and group). */
    public final class Binding {

        private final String topic;
        private final String group;
        private Instant since;
        private long failures;

        private Binding(String topic, String group) {
            this.topic = topic;
            this.group = group;
        }

        /** True while the consumer waits on an outage (between {@link #failed} and {@link #succeeded}). */
        public synchronized boolean waiting() {
            return since != null;
        }

        /** The failed attempts of the outage going on, 0 when none. */
        public synchronized long failedAttempts() {
            return failures;
        }

        /**
         * Records a failed attempt at the record at {@code partition}/{@code offset}; the first one of an outage logs
         * the WARN.
         *
         * @param failure the classified failure, of kind {@link FailureClassifier.Kind#INFRASTRUCTURE}
         */
        public synchronized void failed(Failure failure, int partition, long offset) {
            failures++;
            if (since == null) {
                since = clock.instant();
                log.warn(
                        "Consumer of {} (group {}) waits: {} is unreachable ({}); the record at partition {} offset {}"
                                + " is retried with a growing pause until it succeeds, and is not dead-lettered",
                        topic,
                        group,
                        failure.resource(),
                        failure.reason(),
                        partition,
                        offset);
            }
        }

        /** Records a record handled; the first one after an outage logs the INFO. */
        public synchronized void succeeded() {
            if (since != null) {
                Duration waited = Duration.between(since, clock.instant());
                log.info(
                        "Consumer of {} (group {}) resumed after waiting {} s ({} failed attempts)",
                        topic,
                        group,
                        waited.toSeconds(),
                        failures);
                since = null;
                failures = 0;
            }
        }
    }
}
