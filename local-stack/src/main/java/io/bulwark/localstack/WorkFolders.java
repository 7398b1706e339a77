package io.bulwark.localstack;

import io.bulwark.engines.process.Directories;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** What the demo and the benchmarks do with their temporary working folder and shutdown hook when they end. */
public final class WorkFolders {

    private WorkFolders() {}

    /** Removes {@code hook}, unless the JVM is already shutting down (then the hook is running). */
    public static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
    }

    /**
     * Keeps {@code work} and says so with {@code keptMessage} followed by the folder on {@code out}, or deletes it
     * (best effort: a file that cannot be removed stays).
     */
    public static void keepOrDelete(Path work, boolean keep, PrintStream out, String keptMessage) {
        if (keep) {
            out.println(keptMessage + work);
            return;
        }
        delete(work);
    }

    /** Deletes {@code dir} with everything in it, best effort. */
    public static void delete(Path dir) {
        try {
            Directories.deleteRecursively(dir);
        } catch (IOException ignored) {
            // best effort: a file that cannot be removed stays
        }
    }
}
