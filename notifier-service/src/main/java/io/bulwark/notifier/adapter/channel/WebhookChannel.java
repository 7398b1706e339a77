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
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic webhook: POSTs each notification as JSON (the fields of {@link Notification}, written
 * with {@link EventJson}) to one URL with the JDK {@link HttpClient}.
 *
 * <p>Headers: {@code Content-Type: application/json}, {@value #ID_HEADER} (the notification id, for
 * de-duplication by the receiver) and, when a secret is configured, {@value #SIGNATURE_HEADER}
 * {@code t=<unix seconds>,v1=<hex>}: the lowercase hex HMAC-SHA256 (RFC 2104) of {@code "<t>.<body>"} (the
 * timestamp's decimal digits, a dot, the exact body bytes) keyed with the secret's UTF-8 bytes, the scheme Stripe
 * webhooks use. The timestamp is signed too, so a receiver that refuses old timestamps (5 minutes, say) refuses a
 * replayed request. Any status outside 200-299, a timeout or
 * a connection failure is a {@link DeliveryException}. The secret and the URL's path and query
 * (which may hold a token) never appear in logs or exception messages. Thread-safe.
 */
public class WebhookChannel implements NotificationChannel {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "X-Bulwark-Signature";

    /** The notification id header. */
    public static final String ID_HEADER = "X-Bulwark-Notification-Id";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
    private static final String HMAC = "HmacSHA256";

    private final String name;
    private final HttpClient client;
    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;

    /**
     * A channel signing with the system clock's time.
     *
     * @param url where to POST, http or https
     * @param secret the HMAC key, or null/blank to send no signature
     * @param connectTimeout how long to wait for the TCP/TLS connection
     * @param timeout how long to wait for the response after sending
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public WebhookChannel(URI url, String secret, Duration connectTimeout, Duration timeout) {
        this(url, secret, connectTimeout, timeout, Clock.systemUTC());
    }

    /**
     * @param url where to POST, http or https (whether http is allowed is the configuration's decision)
     * @param secret the HMAC key, or null/blank to send no signature
     * @param connectTimeout how long to wait for the TCP/TLS connection
     * @param timeout how long to wait for the response after sending
     * @param clock gives the signature's timestamp
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public WebhookChannel(URI url, String secret, Duration connectTimeout, Duration timeout, Clock clock) {
        this("webhook", url, secret, connectTimeout, timeout, clock);
    }

    /**
     * @param name the channel id
     * @param url where to POST, http or https (whether http is allowed is the configuration's decision)
     * @param secret the HMAC key, or null/blank to send no signature
     * @param connectTimeout how long to wait for the TCP/TLS connection
     * @param timeout how long to wait for the response after sending
     * @param clock gives the signature's timestamp
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public WebhookChannel(String name, URI url, String secret, Duration connectTimeout, Duration timeout, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException(
                    (name.equals("webhook") ? "bulwark.notifier.webhook.url" : "the URL of channel " + name)
                            + " must be an http(s) URL");
        }
        this.url = url;
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * POSTs {@code notification}.
     *
     * @throws DeliveryException on a non-2xx status, a timeout, a connection failure or interruption
     */
    @Override
    public void deliver(Notification notification) {
        byte[] body = EventJson.toBytes(notification);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(ID_HEADER, notification.notificationId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SIGNATURE_HEADER, signature(secret, clock.instant().getEpochSecond(), body));
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("webhook " + safeUrl() + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new DeliveryException("webhook " + safeUrl() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to webhook " + safeUrl(), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean transientStatus = status == 408 || status == 429 || status / 100 == 5;
            throw new DeliveryException("webhook " + safeUrl() + " answered HTTP " + status, null, !transientStatus);
        }
        log.debug("Notification {} posted to webhook {}", notification.notificationId(), safeUrl());
    }

    /**
     * The signature header value for {@code body} sent at {@code unixSeconds}: {@code t=<unixSeconds>,v1=} and the
     * lowercase hex HMAC-SHA256 of {@code "<unixSeconds>.<body>"} under {@code key}.
     */
    public static String signature(byte[] key, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Scheme, host and port only: the path or query may hold a token. */
    private String safeUrl() {
        return HttpJsonChannel.safeUrl(url);
    }
}
