package io.bulwark.notifier.adapter.channel;

import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * Email over SMTP with Spring's {@link JavaMailSender} (configured by Spring Boot's {@code spring.mail.*}): one
 * message per notification to every address of {@code to}, {@code multipart/alternative} with a plain-text part and
 * an HTML part saying the same, subject {@code <prefix> <SEVERITY> <summary>} (prefix {@code [Bulwark]} by default).
 * Header {@value #ID_HEADER} carries the notification id for de-duplication.
 *
 * <p>An SMTP server that is unreachable or answers with an error is a {@link DeliveryException} worth another
 * attempt; a message that cannot be built (a malformed address) is a permanent one. Thread-safe.
 */
public class EmailChannel implements NotificationChannel {

    /** The notification id header. */
    public static final String ID_HEADER = "X-Bulwark-Notification-Id";

    private final String name;
    private final JavaMailSender sender;
    private final String from;
    private final List<String> to;
    private final String subjectPrefix;

    /**
     * @param name the channel id
     * @param sender the SMTP client
     * @param from the sender address, e.g. {@code bulwark@example.com}
     * @param to the recipients, at least one
     * @param subjectPrefix put before every subject, e.g. {@code [Bulwark]}
     * @throws IllegalArgumentException when {@code to} is empty or {@code from} is blank
     */
    public EmailChannel(String name, JavaMailSender sender, String from, List<String> to, String subjectPrefix) {
        this.name = Objects.requireNonNull(name, "name");
        this.sender = Objects.requireNonNull(sender, "sender");
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("channel " + name + ": from is required");
        }
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("channel " + name + ": to needs at least one address");
        }
        this.from = from;
        this.to = List.copyOf(to);
        this.subjectPrefix = subjectPrefix == null ? "" : subjectPrefix.strip();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Sends the message.
     *
     * @throws DeliveryException when the message cannot be built (permanent) or the SMTP server refuses or is
     *     unreachable
     */
    @Override
    public void deliver(Notification n) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject(n));
            helper.setText(NotificationText.plainText(n), html(n));
            message.setHeader(ID_HEADER, n.notificationId().toString());
        } catch (MessagingException e) {
            throw new DeliveryException("email of channel " + name + " cannot be built: " + e.getMessage(), e, true);
        }
        try {
            sender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw new DeliveryException("email of channel " + name + " cannot be built: " + e.getMessage(), e, true);
        } catch (MailAuthenticationException e) {
            throw new DeliveryException("SMTP server refused the login of channel " + name, e);
        } catch (MailException e) {
            throw new DeliveryException(
                    "SMTP server did not take the email of channel " + name + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** {@code <prefix> <SEVERITY> <summary>}, on one line. */
    String subject(Notification n) {
        String subject = (subjectPrefix.isEmpty() ? "" : subjectPrefix + " ") + NotificationText.title(n);
        return SlackChannel.cut(subject.replaceAll("\\s*\\R\\s*", " "), 250);
    }

    /** The HTML part: title, summary, facts table, report table, link. Every value is HTML-escaped. */
    static String html(Notification n) {
        String color = switch (n.severity()) {
            case ERROR -> "#d32f2f";
            case WARNING -> "#f9a825";
            case INFO -> "#2e7d32";
        };
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h2 style=\"color:")
                .append(color)
                .append("\">")
                .append(esc(n.severity().name()))
                .append("</h2><p>")
                .append(esc(n.summary()))
                .append("</p><table cellpadding=\"4\" style=\"border-collapse:collapse\">");
        for (Map.Entry<String, String> fact : NotificationText.facts(n)) {
            html.append("<tr><th align=\"left\">")
                    .append(esc(fact.getKey()))
                    .append("</th><td>")
                    .append(esc(fact.getValue()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        List<List<String>> rows = NotificationText.reportRows(n);
        if (!rows.isEmpty()) {
            html.append("<h3>Per target</h3><table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">")
                    .append("<tr>");
            NotificationText.REPORT_COLUMNS.forEach(
                    c -> html.append("<th>").append(esc(c)).append("</th>"));
            html.append("</tr>");
            for (List<String> row : rows) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
                html.append("</tr>");
            }
            html.append("</table>");
        }
        if (n.link() != null) {
            html.append("<p><a href=\"")
                    .append(esc(n.link()))
                    .append("\">")
                    .append(
                            n.report() == null && n.backupId() != null
                                    ? "Open the backup's report"
                                    : "Open the dashboard")
                    .append("</a></p>");
        }
        html.append("<p style=\"color:#777;font-size:small\">")
                .append(esc(n.kind()))
                .append(" · notification ")
                .append(n.notificationId())
                .append("</p></body></html>");
        return html.toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
