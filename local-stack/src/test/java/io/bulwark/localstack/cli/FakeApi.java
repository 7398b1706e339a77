package io.bulwark.localstack.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double of the scheduler's API for the client commands' formatting and error tests: answers {@code METHOD
 * path?query} with canned responses (a queue per route: each call takes the next, the last one stays), 404 with a
 * problem body for anything else, and records every request.
 */
final class FakeApi implements AutoCloseable {

    /** One canned answer. */
    record Answer(int status, String contentType, String body) {}

    /** One request received. */
    record Request(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Answer>> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    target,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            Answer answer = next(exchange.getRequestMethod() + " " + target);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private Answer next(String route) {
        Deque<Answer> answers = routes.get(route);
        if (answers == null || answers.isEmpty()) {
            return new Answer(
                    404,
                    "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route " + route + "\"}");
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    /** Answers {@code route} ({@code "GET /api/backups"}) with {@code bodies} in turn, status 200 (POST: 202). */
    FakeApi on(String route, String... bodies) {
        int status = route.startsWith("POST") ? 202 : 200;
        for (String body : bodies) {
            answer(route, status, body);
        }
        return this;
    }

    /** Adds one answer with {@code status} to {@code route}'s queue. */
    FakeApi answer(String route, int status, String body) {
        routes.computeIfAbsent(route, r -> new ArrayDeque<>())
                .add(new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body));
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
