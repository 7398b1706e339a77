package io.bulwark.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service running as a child JVM, its output going to a log file. {@link #close()} stops it with SIGTERM (so its
 * own shutdown hooks run, e.g. removing a verification sandbox), then kills it and whatever it started after a grace
 * period.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final BulwarkService service;
    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(BulwarkService service, Process process, int port, Path logFile) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts a service jar.
     *
     * @param service which service
     * @param java the {@code java} executable
     * @param jar the service's executable jar
     * @param jvmOptions options before {@code -jar}
     * @param arguments Spring Boot arguments after the jar (no secrets: they are visible in the process list)
     * @param environment variables added to the inherited environment (secrets go here)
     * @param port the HTTP port the service was told to use
     * @param logFile file receiving the service's stdout and stderr (appended)
     * @return the running process
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public static ServiceProcess start(
            BulwarkService service,
            Path java,
            Path jar,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            int port,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return new ServiceProcess(service, pb.start(), port, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module() + " with " + java, e);
        }
    }

    /** Which service this is. */
    public BulwarkService service() {
        return service;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The file holding the service's output. */
    public Path logFile() {
        return logFile;
    }

    /** The operating-system process id of the JVM. */
    public long pid() {
        return process.pid();
    }

    /**
     * Kills the JVM at once with SIGKILL, as a crash or the kernel's OOM killer would: no shutdown hook runs and
     * nothing is cleaned up or committed. Waits until it is gone, then kills the processes it had started (a dump
     * tool, say), which such a crash would leave orphaned, so that none outlives the caller; they are found before the
     * JVM dies, since an orphan is no longer its descendant.
     *
     * @return the processes the JVM had started, each dead on return (or still alive only when the operating system
     *     did not end it within 10 s)
     */
    public List<ProcessHandle> kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle p : descendants) {
                p.destroyForcibly();
            }
            for (ProcessHandle p : descendants) {
                p.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported through the returned handles' isAlive()
        }
        return descendants;
    }

    /** True while the JVM runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** True when {@code /actuator/health} answers 200 with status UP. */
    public boolean isHealthy() {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The last lines of the service's log.
     *
     * @param maxBytes how much of the end of the file to read
     */
    public String logTail(int maxBytes) {
        try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, f.length() - maxBytes);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the JVM: SIGTERM, up to 20 s for a clean exit, then SIGKILL for it and its descendants. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
