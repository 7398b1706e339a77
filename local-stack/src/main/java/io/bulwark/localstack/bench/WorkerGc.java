package io.bulwark.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a running JVM collect its heap now, with the JDK's own {@code jcmd <pid> GC.run} (the diagnostic command that
 * runs a full collection in the target, logged as {@code Pause Full (Diagnostic Command)}; see the {@code jcmd}
 * manual page). The capture benchmark runs it between
 * captures, outside every timed window, so that each series logs at least one full collection whose after-size is the
 * worker's live heap, however few collections the captures themselves caused. Thread-safe: holds no state.
 */
final class WorkerGc {

    private final Path jcmd;
    private final Duration timeout;

    /**
     * @param javaExecutable the {@code java} the worker was started with; {@code jcmd} is taken from the same folder
     * @param timeout how long one {@code jcmd} may take
     */
    WorkerGc(Path javaExecutable, Duration timeout) {
        this.jcmd = javaExecutable.resolveSibling("jcmd");
        this.timeout = timeout;
    }

    /**
     * Asks the JVM with process id {@code pid} to run a full collection, and waits until {@code jcmd} has returned
     * (which is after the collection ended).
     *
     * @param pid the target JVM's process id; it must run as the same user, with the attach mechanism enabled (the
     *     default)
     * @return null when done, else why not (no {@code jcmd} beside {@code java}, it failed with its exit code and
     *     output, or it timed out), for the benchmark to print; never throws for these
     */
    String collect(long pid) {
        if (!Files.isExecutable(jcmd)) {
            return "no jcmd at " + jcmd;
        }
        Process p;
        try {
            p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "GC.run"))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return "cannot start " + jcmd + ": " + e.getMessage();
        }
        try {
            p.getOutputStream().close();
            boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly();
                return "jcmd " + pid + " GC.run did not return within " + timeout;
            }
            String output = new String(p.getInputStream().readAllBytes()).strip();
            return p.exitValue() == 0 ? null : "jcmd " + pid + " GC.run exited " + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return "jcmd " + pid + " GC.run: " + e.getMessage();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted while jcmd " + pid + " GC.run ran";
        }
    }
}
