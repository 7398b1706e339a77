package io.bulwark.engines.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the local server instances still open when the JVM exits: one shutdown hook for all of them, which closes
 * each on a thread of its own (so several servers stop at once, not one after the other) and waits for all. An
 * instance registers when it has started ({@link #stopOnExit}) and is forgotten when it is closed ({@link #forget}).
 * Thread-safe.
 */
public final class LocalInstances {

    private static final Logger log = LoggerFactory.getLogger(LocalInstances.class);
    private static final LocalInstances JVM = new LocalInstances(true);

    private final boolean hookOnExit;
    private final Set<AutoCloseable> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean hooked;
    private boolean exiting;

    /**
     * @param hookOnExit true to run {@link #closeAll} from a JVM shutdown hook (the JVM's registry); false for a
     *     registry whose {@link #closeAll} the caller runs (tests)
     */
    LocalInstances(boolean hookOnExit) {
        this.hookOnExit = hookOnExit;
    }

    /**
     * Closes {@code instance} when the JVM exits, unless it is {@link #forget forgotten} before. Its {@code close()}
     * must be idempotent and may call {@link #forget}; what it throws is logged.
     *
     * @param instance a started local server
     * @throws IllegalStateException when the JVM is already shutting down: the caller must stop the instance itself
     */
    public static void stopOnExit(AutoCloseable instance) {
        JVM.add(instance);
    }

    /**
     * Stops watching {@code instance}: it is not closed at JVM exit. Call it from the instance's {@code close()}.
     * Unknown instances are ignored.
     *
     * @param instance an instance passed to {@link #stopOnExit}
     */
    public static void forget(AutoCloseable instance) {
        JVM.remove(instance);
    }

    synchronized void add(AutoCloseable instance) {
        Objects.requireNonNull(instance, "instance");
        if (exiting) {
            throw new IllegalStateException("the JVM is shutting down");
        }
        if (hookOnExit && !hooked) {
            Runtime.getRuntime()
                    .addShutdownHook(
                            Thread.ofPlatform().name("stop-local-instances").unstarted(this::closeAll));
            hooked = true;
        }
        open.add(instance);
    }

    synchronized void remove(AutoCloseable instance) {
        open.remove(instance);
    }

    synchronized int size() {
        return open.size();
    }

    /**
     * Closes every instance registered and not forgotten, each on its own thread, and returns when all have
     * returned; later {@link #add} calls are refused.
     */
    void closeAll() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            exiting = true;
            toClose = new ArrayList<>(open);
            open.clear();
        }
        List<Thread> closers = toClose.stream()
                .map(instance -> Thread.ofPlatform().name("stop-local-instance").start(() -> closeQuietly(instance)))
                .toList();
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable instance) {
        try {
            instance.close();
        } catch (Exception e) {
            log.warn("could not stop local instance {} at exit: {}", instance, e.toString());
        }
    }
}
