package io.bulwark.notifier.adapter.web;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.notifier.application.DeliverNotifications;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.application.DeliveryOutbox;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.Severity;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notifier's API:
 *
 * <ul>
 *   <li>{@code POST /api/notifications/test?channel=<id>} (operator): sends a test notification (INFO, kind {@code
 *       test}) to that channel now, through its retry and circuit breaker but not the outbox; 200 {@code {"channel":
 *       id, "delivered": true}}, 502 problem with the redacted error when the channel did not accept it, 400 problem
 *       naming {@code channel} when no channel has that id.
 *   <li>{@code GET /api/notifications?limit=} (viewer): the latest notifications (50 by default, 1 to 500), newest
 *       first, each with the state of its delivery to each channel; 400 problem naming {@code limit} when it is out
 *       of range.
 * </ul>
 */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    /** Most notifications one listing returns. */
    public static final int MAX_LIMIT = 500;

    private final DeliverNotifications delivery;
    private final DeliveryOutbox outbox;
    private final Clock clock;

    /**
     * @param delivery sends the test notification
     * @param outbox lists the notifications
     * @param clock the test notification's time
     */
    public NotificationController(DeliverNotifications delivery, DeliveryOutbox outbox, Clock clock) {
        this.delivery = delivery;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends a test notification to {@code channel}. */
    @PostMapping(
            path = "/test",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Object> test(@RequestParam(name = "channel", required = false) String channel) {
        if (channel == null || channel.isBlank() || !delivery.channelIds().contains(channel)) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Unknown channel",
                    "channel",
                    "channel: "
                            + (channel == null || channel.isBlank() ? "is required" : "no channel '" + channel + "'")
                            + "; configured: " + String.join(", ", delivery.channelIds()));
        }
        Notification test = new Notification(
                UUID.randomUUID(),
                Severity.INFO,
                "test",
                null,
                null,
                "Test notification to channel " + channel + ": if you read this, the channel works",
                List.of(),
                null,
                clock.instant(),
                null);
        try {
            delivery.sendNow(channel, test);
        } catch (DeliveryException e) {
            return problem(
                    HttpStatus.BAD_GATEWAY,
                    "Channel did not accept the notification",
                    "channel",
                    "channel " + channel + ": " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("delivered", true);
        body.put("notificationId", test.notificationId());
        return ResponseEntity.ok(body);
    }

    /** The latest notifications with their deliveries. */
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Object> list(@RequestParam(name = "limit", required = false) String limit) {
        int n = 50;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid parameter",
                        "limit",
                        "limit: '" + limit + "' is not a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return ResponseEntity.ok(Map.of("items", outbox.recent(n)));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String field, String detail) {
        String message = MessageRedactor.redact(detail);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(title);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
