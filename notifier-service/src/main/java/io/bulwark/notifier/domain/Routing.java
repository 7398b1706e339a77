package io.bulwark.notifier.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the channels of a notification from the routes ({@code bulwark.notifier.routes}).
 *
 * <p>With no route, every notification but none goes to every channel (the behaviour before routes existed). With
 * routes, a notification goes to the union of the {@code channels} of every route whose targets, kinds and
 * {@code minSeverity} match it; the periodic report goes only to routes with {@code reports: true}, and an ESCALATED
 * alert also goes to a matching route's {@code escalationChannels} when its level is at least {@code escalateAfter}.
 * Channels come out in the order of the routes and, with no route, of {@code allChannels}. Immutable and thread-safe.
 */
public final class Routing {

    /** The kind of the periodic report. */
    public static final String REPORT_KIND = "report.periodic";

    private final List<Route> routes;
    private final List<String> allChannels;

    /**
     * @param routes the routes, in order; empty sends everything everywhere
     * @param allChannels every configured channel id, in order
     */
    public Routing(List<Route> routes, List<String> allChannels) {
        this.routes = List.copyOf(routes);
        this.allChannels = List.copyOf(allChannels);
    }

    /**
     * What routing looks at.
     *
     * @param targetId the notification's target, or null
     * @param kind the notification's kind, e.g. {@code verification.failed}
     * @param severity the severity matched against {@code minSeverity}: the notification's, or for an alert the
     *     alert's own (so that RESOLVED follows OPEN)
     * @param escalationLevel for an ESCALATED alert its level (1, 2, ...); 0 otherwise
     */
    public record Subject(String targetId, String kind, Severity severity, int escalationLevel) {

        public Subject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(severity, "severity");
        }

        /** The subject of a notification routed by its own severity. */
        public static Subject of(Notification notification) {
            return new Subject(notification.targetId(), notification.kind(), notification.severity(), 0);
        }
    }

    /** The channel ids {@code subject} goes to, without repeats; empty when no route matches. */
    public List<String> channels(Subject subject) {
        boolean report = REPORT_KIND.equals(subject.kind());
        if (routes.isEmpty()) {
            return allChannels;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Route route : routes) {
            if (report) {
                if (route.reports()) {
                    chosen.addAll(route.channels());
                }
                continue;
            }
            if (!route.matchesTarget(subject.targetId())
                    || subject.severity().compareTo(route.minSeverity()) < 0
                    || !route.matchesKind(subject.kind())) {
                continue;
            }
            chosen.addAll(route.channels());
            if (subject.escalationLevel() >= route.escalateAfter()) {
                chosen.addAll(route.escalationChannels());
            }
        }
        return List.copyOf(chosen);
    }

    /** Every channel id named by a route (channels and escalation channels), for validation. */
    public Set<String> namedChannels() {
        Set<String> named = new LinkedHashSet<>();
        for (Route r : routes) {
            named.addAll(r.channels());
            named.addAll(r.escalationChannels());
        }
        return named;
    }
}
