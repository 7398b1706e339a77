package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.ReverifyErrors;
import io.bulwark.scheduler.config.ReverifyProperties;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ReverifyErrors#sweep()} every {@code bulwark.scheduler.reverify-errors.interval} (fixed delay, the
 * first after one interval) on a thread of its own, started after the rest of the context (so the Kafka bindings
 * exist) and stopped first. A sweep that fails is logged; the next one tries again.
 */
@Component
public class ReverifyErrorsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReverifyErrorsRunner.class);

    private final ReverifyProperties properties;
    private final ReverifyErrors reverifyErrors;
    private ThreadPoolTaskScheduler taskScheduler;
    private ScheduledFuture<?> sweeping;

    public ReverifyErrorsRunner(ReverifyProperties properties, ReverifyErrors reverifyErrors) {
        this.properties = properties;
        this.reverifyErrors = reverifyErrors;
    }

    @Override
    public synchronized void start() {
        if (taskScheduler != null || !properties.enabled()) {
            return;
        }
        taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setPoolSize(1);
        taskScheduler.setThreadNamePrefix("reverify-errors-");
        taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
        taskScheduler.initialize();
        sweeping = taskScheduler.scheduleWithFixedDelay(
                this::sweep, Instant.now().plus(properties.interval()), properties.interval());
        log.info(
                "verifications that ended ERROR are requested again every {} after {} (doubling, at most {} times)",
                properties.interval(),
                properties.backoff(),
                properties.maxRequests());
    }

    private void sweep() {
        try {
            reverifyErrors.sweep();
        } catch (RuntimeException e) {
            log.warn("the sweep of verifications that ended ERROR failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (taskScheduler == null) {
            return;
        }
        sweeping.cancel(false);
        taskScheduler.shutdown();
        taskScheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return taskScheduler != null;
    }
}
