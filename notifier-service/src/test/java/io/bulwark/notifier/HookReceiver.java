package io.bulwark.notifier;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver on 127.0.0.1 (JDK HTTP server): records every POST's path and body, answers {@link #status}
 * (204 by default; set 503 to play a receiver that is down).
 */
public final class HookReceiver implements AutoCloseable {

    /** One request. */
    public record Post(String path, String body) {
        public JsonNode json() {
            return EventJson.mapper().readTree(body);
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** What the receiver answers. */
    public final AtomicInteger status = new AtomicInteger(204);

    private HookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free port. */
    public static HookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HookReceiver receiver = new HookReceiver(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.calls.incrementAndGet();
                int answer = receiver.status.get();
                if (answer / 100 == 2) {
                    receiver.posts.add(new Post(exchange.getRequestURI().getPath(), body));
                }
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The accepted POSTs (2xx answers), in arrival order. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The accepted POSTs to {@code path}. */
    public List<Post> posts(String path) {
        return posts.stream().filter(p -> p.path().equals(path)).toList();
    }

    /** Every request, accepted or not. */
    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
