package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each sandbox with the provider of the source's engine ({@code postgresql}, {@code mariadb};
 * {@code mysql} is read as {@code mariadb}). Closing it (on shutdown) closes what the providers share, e.g. the
 * sandbox containers still running. Thread-safe.
 */
public final class EngineSandboxProvider implements SandboxProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineSandboxProvider.class);

    private final String kind;
    private final Map<String, SandboxProvider> byEngine;
    private final List<AutoCloseable> resources;

    /**
     * @param kind the kind written in reports, e.g. {@code local}
     * @param byEngine the provider of each engine
     */
    public EngineSandboxProvider(String kind, Map<String, SandboxProvider> byEngine) {
        this(kind, byEngine, List.of());
    }

    /**
     * @param kind the kind written in reports, e.g. {@code container}
     * @param byEngine the provider of each engine
     * @param resources closed by {@link #close()}, e.g. the sandbox containers the providers share
     */
    public EngineSandboxProvider(String kind, Map<String, SandboxProvider> byEngine, List<AutoCloseable> resources) {
        this.kind = kind;
        this.byEngine = new TreeMap<>(byEngine);
        this.resources = List.copyOf(resources);
    }

    /** Closes the shared resources; never throws. */
    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.getMessage());
            }
        }
    }

    @Override
    public String kind() {
        return kind;
    }

    /** @throws SandboxException naming the engine when no provider serves it */
    @Override
    public Sandbox start(SandboxRequest request) {
        String engine = normalize(request.engine());
        SandboxProvider provider = byEngine.get(engine);
        if (provider == null) {
            throw new SandboxException(
                    "no " + kind + " sandbox for engine '" + request.engine() + "' (this verifier has "
                            + byEngine.keySet() + ")",
                    null);
        }
        return provider.start(request);
    }

    private static String normalize(String engine) {
        String lower = engine == null ? "postgresql" : engine.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "postgres" -> "postgresql";
            case "mysql" -> "mariadb";
            default -> lower;
        };
    }
}
