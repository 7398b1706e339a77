package io.bulwark.engines.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts external programs with a mandatory timeout (pgBackRest's {@code execNew} is the model).
 *
 * <p>stdout is the caller's to stream ({@link RunningProcess#stdout()}); stderr is drained by a
 * daemon thread that keeps its last {@value #STDERR_TAIL_BYTES} bytes for the error message. When the
 * timeout passes, or {@link RunningProcess#kill()} is called, the process and all its descendants are
 * destroyed. {@link #close()} (at application shutdown) does the same to every process still running.
 * Thread-safe; one instance serves the whole application.
 */
public final class ProcessRunner implements AutoCloseable {

    /** How much of stderr is kept, in bytes: the tail, where tools put their fatal message. */
    public static final int STDERR_TAIL_BYTES = 16 * 1024;

    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final Set<RunningProcess> running = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "process-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * A program to run. Its environment is built from nothing ({@link ChildEnvironment}): the JVM's {@code PATH},
     * {@code LANG}, {@code LC_*}, {@code TZ} and {@code HOME}, then {@code env}.
     *
     * @param argv program and arguments; never put a password here
     * @param env the command's own variables, only non-secret names ({@link ChildEnvironment#COMMAND_NAMES}); never a
     *     password (use {@code privateFile})
     * @param timeout how long the process may run before it is killed with its children
     * @param privateFile a secret written to a private file for this process only, or null
     * @throws IllegalArgumentException when argv is empty or env names a variable that is not allowed
     */
    public record Command(List<String> argv, Map<String, String> env, Duration timeout, PrivateFile privateFile) {
        public Command {
            argv = List.copyOf(argv);
            env = env == null ? Map.of() : Map.copyOf(env);
            Objects.requireNonNull(timeout, "timeout is required");
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("argv must name a program");
            }
            ChildEnvironment.requireAllowed(env);
        }

        /** A command without a private file. */
        public Command(List<String> argv, Map<String, String> env, Duration timeout) {
            this(argv, env, timeout, null);
        }

        public static Command of(Duration timeout, String... argv) {
            return new Command(List.of(argv), Map.of(), timeout);
        }

        /** This command with {@code name=value} added to its environment (an allowed, non-secret name). */
        public Command withEnv(String name, String value) {
            var copy = new java.util.HashMap<>(env);
            copy.put(name, value);
            return new Command(argv, copy, timeout, privateFile);
        }

        /** This command with {@code file} as its private file. */
        public Command withPrivateFile(PrivateFile file) {
            return new Command(argv, env, timeout, file);
        }

        /** This command with another program and arguments (e.g. wrapped to run as another OS user). */
        public Command withArgv(List<String> otherArgv) {
            return new Command(otherArgv, env, timeout, privateFile);
        }

        /** The program and arguments joined by spaces, for logs (never holds a secret). */
        public String display() {
            return String.join(" ", argv);
        }
    }

    /**
     * A secret handed to one process through a file: {@link #start} writes {@code content} to a file of mode 0600 in a
     * private folder ({@link SecretFiles}), sets the variable {@code envName} to its path, and deletes it when the
     * process has ended (or could not start).
     *
     * @param envName the variable naming the file, e.g. {@code PGPASSFILE}; an allowed name
     * @param fileName the file's name, e.g. {@code pgpass}
     * @param content the secret; never in {@link #toString()}
     * @param owner the OS user that must read the file (the process runs as that user), or null for this JVM's user
     */
    public record PrivateFile(String envName, String fileName, String content, String owner) {
        public PrivateFile {
            Objects.requireNonNull(envName, "envName");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
            ChildEnvironment.requireAllowed(Map.of(envName, ""));
        }

        /** The variable, the file name and the owner; never the content. */
        @Override
        public String toString() {
            return "PrivateFile[" + envName + ", " + fileName + ", owner=" + owner + ", content=***]";
        }
    }

    /**
     * What {@link RunningProcess#feed} wrote to a process's stdin.
     *
     * @param bytes bytes written
     * @param inputError why reading the input failed (the process then saw it truncated), or null
     * @param inputComplete true when the input was read to its end (false also when the process stopped
     *     reading first)
     */
    public record Feed(long bytes, String inputError, boolean inputComplete) {}

    /** The outcome of {@link #run}: exit code, all of stdout as text, the tail of stderr. */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    /**
     * Starts {@code command}; the caller must read {@link RunningProcess#stdout()} (or close it) and
     * call {@link RunningProcess#waitFor()}. The process's environment holds only what {@link ChildEnvironment}
     * allows; its private file, if any, exists until it has ended.
     *
     * @throws ToolMissingException when the program is not installed or not executable
     * @throws UncheckedIOException when the private file cannot be written
     */
    public RunningProcess start(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        Map<String, String> env = new java.util.HashMap<>(command.env());
        SecretFiles.SecretFile secret = null;
        if (command.privateFile() != null) {
            PrivateFile file = command.privateFile();
            try {
                secret = SecretFiles.write(file.fileName(), file.content(), file.owner());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the private file for " + programName(command), e);
            }
            env.put(file.envName(), secret.file().toString());
        }
        builder.environment().clear();
        builder.environment().putAll(ChildEnvironment.forCommand(env));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (secret != null) {
                secret.close();
            }
            throw new ToolMissingException(command.argv().getFirst(), e);
        }
        RunningProcess started = new RunningProcess(command, process, secret);
        running.add(started);
        process.onExit().thenRun(() -> {
            running.remove(started);
            started.removeSecret();
        });
        return started;
    }

    /** How many started processes are still running. */
    public int runningCount() {
        return running.size();
    }

    /**
     * Kills every process this runner started that still runs, with its descendants (politely, then
     * forcibly after a grace period), so that no dump tool outlives the application.
     */
    @Override
    public void close() {
        List<RunningProcess> left = List.copyOf(running);
        left.forEach(RunningProcess::kill);
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        while (left.stream().anyMatch(p -> p.process.isAlive()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (RunningProcess p : left) {
            p.process.descendants().forEach(ProcessHandle::destroyForcibly);
            p.process.destroyForcibly();
        }
    }

    /**
     * Runs {@code command} to the end and returns its output; stdout is read whole, so use it for
     * commands with small output only.
     *
     * @throws ToolMissingException when the program is not installed
     */
    public Result run(Command command) {
        try (RunningProcess running = start(command)) {
            running.stdin().close();
            String out = new String(running.stdout().readAllBytes(), StandardCharsets.UTF_8);
            int exit = running.waitFor();
            return new Result(exit, out, running.stderr(), running.timedOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code command} to the end with {@code input} on its stdin (written on its own thread, so a program that
     * stops reading early does not block) and returns its output; stdout is read whole, so use it for commands with
     * small output only.
     *
     * @throws ToolMissingException when the program is not installed
     */
    public Result run(Command command, byte[] input) {
        try (RunningProcess running = start(command)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try (java.io.OutputStream stdin = running.stdin()) {
                    stdin.write(input);
                } catch (IOException pipeClosed) {
                    // the program stopped reading: it has what it needs, or gave up
                }
            });
            String out = new String(running.stdout().readAllBytes(), StandardCharsets.UTF_8);
            int exit = running.waitFor();
            try {
                writer.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Result(exit, out, running.stderr(), running.timedOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String programName(Command command) {
        String program = command.argv().getFirst();
        return program.substring(program.lastIndexOf('/') + 1);
    }

    /** A started process: its streams, its stderr tail, its exit code. Close it to kill what is left. */
    public final class RunningProcess implements AutoCloseable {
        private final Command command;
        private final Process process;
        private final byte[] tail = new byte[STDERR_TAIL_BYTES];
        private long stderrBytes;
        private final Thread stderrReader;
        private final ScheduledFuture<?> deadline;
        private volatile boolean timedOut;
        private volatile Thread stdoutDrain;
        private final SecretFiles.SecretFile secret;

        private RunningProcess(Command command, Process process, SecretFiles.SecretFile secret) {
            this.command = command;
            this.process = process;
            this.secret = secret;
            this.stderrReader = Thread.ofPlatform()
                    .daemon()
                    .name("stderr-" + programName(command))
                    .start(this::drainStderr);
            this.deadline = watchdog.schedule(
                    () -> {
                        timedOut = true;
                        kill();
                    },
                    command.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void removeSecret() {
            if (secret != null) {
                secret.close();
            }
        }

        private void drainStderr() {
            byte[] buffer = new byte[8192];
            try (InputStream err = process.getErrorStream()) {
                int n;
                while ((n = err.read(buffer)) > 0) {
                    synchronized (tail) {
                        for (int i = 0; i < n; i++) {
                            tail[(int) (stderrBytes++ % tail.length)] = buffer[i];
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process went away; what was read is kept
            }
        }

        /** The command this process runs. */
        public Command command() {
            return command;
        }

        /** The process's standard output, to stream. */
        public InputStream stdout() {
            return process.getInputStream();
        }

        /** The process's standard input. */
        public java.io.OutputStream stdin() {
            return process.getOutputStream();
        }

        /** The process and its descendants now alive, the process first. */
        public List<ProcessHandle> pidTree() {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(process.toHandle());
            tree.addAll(process.descendants().toList());
            return tree;
        }

        /**
         * Writes {@code input} (not closed) to the process's stdin in chunks of {@code chunkBytes} until the
         * input ends, reading it fails or the process stops reading (it exited: its exit code tells why),
         * then closes stdin. Meanwhile stdout is read and discarded, so a chatty process never blocks;
         * {@link #waitFor()} waits for that reader too. For restore tools fed an archive from a stream.
         */
        public Feed feed(InputStream input, int chunkBytes) {
            stdoutDrain = Thread.ofVirtual().start(() -> {
                try (InputStream out = process.getInputStream()) {
                    out.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            byte[] buffer = new byte[chunkBytes];
            java.io.OutputStream stdin = process.getOutputStream();
            long fed = 0;
            String inputError = null;
            boolean complete = false;
            while (true) {
                int n;
                try {
                    n = input.read(buffer);
                } catch (IOException | RuntimeException e) {
                    inputError = e.getMessage() == null ? e.toString() : e.getMessage();
                    break;
                }
                if (n < 0) {
                    complete = true;
                    break;
                }
                try {
                    stdin.write(buffer, 0, n);
                } catch (IOException pipeClosed) {
                    break;
                }
                fed += n;
            }
            try {
                stdin.close();
            } catch (IOException pipeClosed) {
                // the process has exited; its exit code tells why
            }
            return new Feed(fed, inputError, complete);
        }

        /** The OS process id. */
        public long pid() {
            return process.pid();
        }

        /**
         * Waits for the process to end (it is killed at its timeout) and for stderr to be drained.
         *
         * @return the exit code; check {@link #timedOut()} for a kill at the deadline
         */
        public int waitFor() {
            try {
                int exit = process.waitFor();
                stderrReader.join(Duration.ofSeconds(5));
                Thread drain = stdoutDrain;
                if (drain != null) {
                    drain.join(Duration.ofSeconds(5));
                }
                deadline.cancel(false);
                removeSecret();
                return exit;
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for " + command.argv().getFirst(), e);
            }
        }

        /** True when the process was killed because its timeout passed. */
        public boolean timedOut() {
            return timedOut;
        }

        /** The last {@value #STDERR_TAIL_BYTES} bytes of stderr, as UTF-8 text, trimmed. */
        public String stderr() {
            synchronized (tail) {
                int size = (int) Math.min(stderrBytes, tail.length);
                byte[] ordered = new byte[size];
                long start = stderrBytes - size;
                for (int i = 0; i < size; i++) {
                    ordered[i] = tail[(int) ((start + i) % tail.length)];
                }
                return new String(ordered, StandardCharsets.UTF_8).trim();
            }
        }

        /** Destroys the process and all its descendants: politely first, forcibly after a grace period. */
        public void kill() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            watchdog.schedule(
                    () -> tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly),
                    KILL_GRACE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        /** Kills the process tree if it is still running. */
        @Override
        public void close() {
            deadline.cancel(false);
            if (process.isAlive()) {
                kill();
            }
        }
    }
}
