package io.bulwark.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BulwarkEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final Instant AT = Instant.parse("2026-12-01T07:00:00Z");
    private final AlertNotificationRule rule = new AlertNotificationRule();
    private final Routing routing = new Routing(
            List.of(
                    new Route(List.of("*"), Severity.ERROR, List.of(), List.of("mail"), List.of("pager"), 2, false),
                    new Route(
                            List.of("chinook"), Severity.WARNING, List.of("alert.*"), List.of("slack"), null, 1, false),
                    new Route(null, null, List.of(Routing.REPORT_KIND), List.of("weekly"), null, 1, true)),
            List.of("log", "mail", "pager", "slack", "weekly"));

    private static AlertChanged alert(AlertState state, int level, AlertSeverity severity, String target) {
        return new AlertChanged(
                UUID.randomUUID(),
                AT,
                1,
                UUID.randomUUID(),
                target,
                AlertKind.RPO_BREACH,
                severity,
                state,
                level,
                target + ": last verified backup is 26h old; RPO is 25h",
                null,
                null,
                AT.minusSeconds(3600),
                "http://127.0.0.1:8080/console/");
    }

    private List<String> channels(AlertChanged event) {
        return routing.channels(rule.routingSubject(event, rule.onAlertChanged(event)));
    }

    @Test
    void anAlertBecomesKindAlertKindStateWithItsSeverityMapped() {
        Notification open = rule.onAlertChanged(alert(AlertState.OPEN, 0, AlertSeverity.CRITICAL, "chinook"));
        Notification resolved = rule.onAlertChanged(alert(AlertState.RESOLVED, 1, AlertSeverity.CRITICAL, "chinook"));

        assertThat(open.kind()).isEqualTo("alert.rpo_breach.open");
        assertThat(open.severity()).isEqualTo(Severity.ERROR);
        assertThat(open.link()).isEqualTo("http://127.0.0.1:8080/console/");
        assertThat(resolved.kind()).isEqualTo("alert.rpo_breach.resolved");
        assertThat(resolved.severity()).isEqualTo(Severity.INFO);
        assertThat(rule.onAlertChanged(alert(AlertState.OPEN, 0, AlertSeverity.WARNING, "x"))
                        .severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void resolvedGoesWhereOpenWentAndEscalationReachesTheEscalationChannelsFromItsLevel() {
        assertThat(channels(alert(AlertState.OPEN, 0, AlertSeverity.CRITICAL, "chinook")))
                .containsExactly("mail", "slack");
        assertThat(channels(alert(AlertState.RESOLVED, 2, AlertSeverity.CRITICAL, "chinook")))
                .containsExactly("mail", "slack");
        assertThat(channels(alert(AlertState.ESCALATED, 1, AlertSeverity.CRITICAL, "chinook")))
                .containsExactly("mail", "slack");
        assertThat(channels(alert(AlertState.ESCALATED, 2, AlertSeverity.CRITICAL, "chinook")))
                .containsExactly("mail", "pager", "slack");
        assertThat(channels(alert(AlertState.OPEN, 0, AlertSeverity.WARNING, "sakila")))
                .as("below the first route's min-severity, not the second route's target")
                .isEmpty();
    }

    @Test
    void kindsAndTargetsNarrowARoute() {
        Notification verification = new Notification(
                UUID.randomUUID(), Severity.WARNING, "verification.error", "chinook", null, "x", null, null, AT, null);

        assertThat(routing.channels(Routing.Subject.of(verification)))
                .as("the chinook route takes alerts only")
                .isEmpty();
    }

    @Test
    void theReportGoesOnlyToReportRoutesAndEverywhereWithoutRoutes() {
        BackupReportIssued report = new BackupReportIssued(
                UUID.randomUUID(),
                AT,
                1,
                BulwarkEvent.ALL_TARGETS,
                UUID.randomUUID(),
                AT.minusSeconds(7 * 86400),
                AT,
                List.of(new BackupReportIssued.TargetSummary(
                        "chinook", 7, 6, 1, 90000, false, 3600, 120.0, true, AT, 1 << 20, -2048, 1)),
                null);
        Notification n = rule.onReportIssued(report);

        assertThat(n.kind()).isEqualTo(Routing.REPORT_KIND);
        assertThat(n.severity()).as("a target missed its RPO").isEqualTo(Severity.WARNING);
        assertThat(n.report()).isEqualTo(report);
        assertThat(routing.channels(Routing.Subject.of(n))).containsExactly("weekly");
        assertThat(new Routing(List.of(), List.of("log", "mail")).channels(Routing.Subject.of(n)))
                .containsExactly("log", "mail");
    }
}
