package io.bulwark.dumpworker.config;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Starts the request consumer ({@value #BINDING}, which does not start on its own: {@code auto-startup: false}) once
 * the application is ready and the JIT compilers have worked off the backlog of the start-up, so that the worker joins
 * its consumer group warm. A fresh JVM queues thousands of compilations of the code its start-up ran (Spring's
 * context, the binder, the web server, the warm-ups), and a first backup taken while they run shares the cores with
 * them. The compilers count as settled once their accumulated compilation time ({@link
 * CompilationMXBean#getTotalCompilationTime}) grows by at most a tenth of {@link #WINDOW} over one window. The
 * consumer starts after {@code max} in any case, at once when {@code max} is zero or the JVM does not report
 * compilation time, and on its own thread, so that neither the start nor a shutdown waits for it. {@link #state()}
 * tells how far it got, for the {@code requestConsumer} health indicator ({@link RequestConsumerHealthIndicator}).
 */
public final class CompilerSettle implements ApplicationListener<ApplicationReadyEvent> {

    /** The binding this starts: the {@code backupRequested} consumer. */
    public static final String BINDING = "backupRequested-in-0";

    /** The window over which the compilers' work is measured: 1 s. */
    static final Duration WINDOW = Duration.ofSeconds(1);

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(CompilerSettle.class);

    /** How far the start of the consumer got. */
    public enum Phase {
        /** Before the application is ready, or while the compilers settle. */
        WAITING,
        /** The binding was started. */
        STARTED,
        /** Starting the binding threw; the worker takes no requests. */
        FAILED
    }

    /**
     * The start's progress.
     *
     * @param phase how far it got
     * @param problem why it failed (the exception's text), or null unless {@link Phase#FAILED}
     */
    public record State(Phase phase, String problem) {}

    private final ApplicationContext context;
    private final Runnable startConsumer;
    private final Duration max;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile State state = new State(Phase.WAITING, null);

    /**
     * @param context the application's context (a ready event of another one, such as the binder's, is ignored)
     * @param bindings starts the binding
     * @param max the longest the consumer waits for the compilers, e.g. 10 s; zero (or less) not to wait at all
     */
    public CompilerSettle(ApplicationContext context, BindingsLifecycleController bindings, Duration max) {
        this(context, () -> bindings.start(BINDING), max);
    }

    /** As the public constructor, with what starts the consumer given directly (tests). */
    CompilerSettle(ApplicationContext context, Runnable startConsumer, Duration max) {
        this.context = context;
        this.startConsumer = startConsumer;
        this.max = max;
    }

    /** How far the start of the consumer got; {@link Phase#WAITING} until it was tried. */
    public State state() {
        return state;
    }

    /** The longest the consumer waits for the compilers; zero (or less) when it does not wait. */
    public Duration max() {
        return max;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() != context || !started.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("bulwark-consumer-start").start(this::settleThenStart);
    }

    /** Waits for the compilers (at most {@code max}), then starts the consumer; on the caller's thread. */
    void settleThenStart() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (max.isPositive() && compiler != null && compiler.isCompilationTimeMonitoringSupported()) {
            long began = System.nanoTime();
            boolean settled = awaitSettled(
                    compiler::getTotalCompilationTime, () -> System.nanoTime() / 1_000_000, WINDOW, POLL, max);
            log.info(
                    "JIT compilers {} after {} ms; the consumer {} starts",
                    settled ? "settled" : "still busy",
                    (System.nanoTime() - began) / 1_000_000,
                    BINDING);
        }
        try {
            startConsumer.run();
            state = new State(Phase.STARTED, null);
        } catch (RuntimeException e) {
            state = new State(Phase.FAILED, e.toString());
            log.error("the consumer {} could not be started: {}", BINDING, e.toString());
        }
    }

    /**
     * Waits until {@code compileMillis} grows by at most a tenth of {@code window} over one window.
     *
     * @param compileMillis the compilers' accumulated time in milliseconds
     * @param nowMillis a monotonic clock in whole milliseconds (truncated, such as {@code System.nanoTime() /
     *     1_000_000})
     * @param window the span measured, a multiple of {@code poll} (the start uses 1 s)
     * @param poll how often {@code compileMillis} is read (the start uses 100 ms)
     * @param max the longest wait; it gives up only once strictly more than {@code max} has passed on the clock, so
     *     never before {@code max} has passed, whatever the fraction of a millisecond the wait began at
     * @return true when the compilers settled, false when {@code max} passed first (or the thread was interrupted,
     *     whose flag is then set again)
     */
    static boolean awaitSettled(
            LongSupplier compileMillis, LongSupplier nowMillis, Duration window, Duration poll, Duration max) {
        long deadline = nowMillis.getAsLong() + max.toMillis();
        long[] samples = new long[(int) (window.toMillis() / poll.toMillis()) + 1];
        int count = 0;
        while (true) {
            samples[count % samples.length] = compileMillis.getAsLong();
            count++;
            if (count >= samples.length) {
                long oldest = samples[count % samples.length];
                long newest = samples[(count - 1) % samples.length];
                if (newest - oldest <= window.toMillis() / 10) {
                    return true;
                }
            }
            if (nowMillis.getAsLong() > deadline) {
                return false;
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
