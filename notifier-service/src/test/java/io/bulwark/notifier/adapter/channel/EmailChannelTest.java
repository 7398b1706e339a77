package io.bulwark.notifier.adapter.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.Severity;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The email channel against GreenMail, an SMTP server in this JVM. */
class EmailChannelTest {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    {
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private EmailChannel channel(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return new EmailChannel(
                "ops-mail", sender, "bulwark@example.com", List.of("a@example.com", "b@example.com"), "[Bulwark]");
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart m = (Multipart) part.getContent();
            for (int i = 0; i < m.getCount(); i++) {
                leaves.addAll(leaves(m.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    @Test
    void sendsPlainTextAndEscapedHtmlAlternativesToEveryRecipient() throws Exception {
        UUID id = UUID.randomUUID();
        Notification n = new Notification(
                id,
                Severity.WARNING,
                "verification.error",
                "chinook",
                UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001"),
                "Verification of backup 1a2b3c4d of chinook could not complete <script>",
                List.of("restore"),
                "restore: pg_restore exited 1",
                Instant.parse("2026-11-23T02:10:00Z"),
                null,
                "https://bulwark.example.com/api/backups/1a2b3c4d-0000-4000-8000-000000000001/report.html",
                List.of(),
                null);

        channel(smtp.getSmtp().getPort()).deliver(n);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one copy per recipient").hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject())
                .isEqualTo("[Bulwark] WARNING Verification of backup 1a2b3c4d of chinook could not complete <script>");
        assertThat(mail.getHeader(EmailChannel.ID_HEADER)).containsExactly(id.toString());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("bulwark@example.com");
        List<Part> parts = leaves(mail);
        assertThat(parts)
                .extracting(p -> p.getContentType().split(";")[0].toLowerCase())
                .containsExactly("text/plain", "text/html");
        String plain = (String) parts.get(0).getContent();
        String html = (String) parts.get(1).getContent();
        assertThat(plain).contains("Outcome: ERROR", "Failed checks: restore", "Details: " + n.link());
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>").contains("href=\"" + n.link() + "\"");
    }

    @Test
    void anUnreachableServerIsWorthAnotherAttempt() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Notification n = new Notification(
                UUID.randomUUID(), Severity.ERROR, "backup.failed", "chinook", null, "x", null, null, null, null);

        assertThatThrownBy(() -> channel(port).deliver(n))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("SMTP server did not take the email of channel ops-mail")
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isFalse());
    }
}
