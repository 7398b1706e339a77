package io.bulwark.notifier.adapter.channel;

import io.bulwark.contracts.EventJson;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.domain.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A chat webhook (Slack, Microsoft Teams, Discord): POSTs the JSON payload a subclass builds to one secret URL with
 * the JDK {@link HttpClient}, following no redirect.
 *
 * <p>Answers: 2xx is accepted; 408, 429, 5xx, a timeout and a connection failure are {@link DeliveryException}s worth
 * another attempt; any other status is a permanent one (the webhook was removed or the payload refused). The URL
 * embeds the webhook's token: messages and logs show only {@code scheme://host[:port]/...}. Thread-safe.
 */
abstract class HttpJsonChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(HttpJsonChannel.class);

    private final String name;
    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param name the channel id
     * @param url the webhook URL, http or https (whether http is allowed is the configuration's decision)
     * @param connectTimeout how long to wait for the TCP/TLS connection
     * @param timeout how long to wait for the answer after sending
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    HttpJsonChannel(String name, URI url, Duration connectTimeout, Duration timeout) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the URL of channel " + name + " must be http(s)");
        }
        this.url = url;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public final String name() {
        return name;
    }

    /** The JSON body for {@code notification}. */
    abstract JsonNode payload(Notification notification);

    /** What the channel is called in messages, e.g. {@code Slack}. */
    abstract String technology();

    /**
     * POSTs {@link #payload}.
     *
     * @throws DeliveryException on a refused status, a timeout, a connection failure or interruption
     */
    @Override
    public void deliver(Notification notification) {
        byte[] body = EventJson.mapper().writeValueAsBytes(payload(notification));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(what() + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new DeliveryException(what() + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + what(), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean transientStatus = status == 408 || status == 429 || status / 100 == 5;
            throw new DeliveryException(what() + " answered HTTP " + status, null, !transientStatus);
        }
        log.debug("Notification {} posted to {}", notification.notificationId(), what());
    }

    /** {@code Slack webhook https://hooks.slack.com/...}: no path, no query (they hold the token). */
    String what() {
        return technology() + " webhook " + safeUrl(url);
    }

    /** Scheme, host and port of {@code url}, then {@code /...}. */
    static String safeUrl(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...";
    }
}
