package io.bulwark.notifier.domain;

import java.util.List;
import java.util.Objects;

/**
 * One routing rule of {@code bulwark.notifier.routes}: which notifications go to which channels.
 *
 * @param targets target ids the route applies to; {@code "*"} matches every target (and the installation-wide
 *     {@code _all}); never empty
 * @param minSeverity the least severity routed (for an alert, the severity of the alert itself, so that its RESOLVED
 *     notification, which is INFO, reaches the channels that got its OPEN)
 * @param kinds notification kinds routed, each exact ({@code alert.rpo_breach.open}) or a prefix ending in {@code *}
 *     ({@code alert.*}); empty routes every kind
 * @param channels the channel ids notifications go to
 * @param escalationChannels further channel ids an ESCALATED alert goes to once its level reaches {@code escalateAfter}
 * @param escalateAfter the least escalation level (1 = the first escalation) that reaches {@code escalationChannels}
 * @param reports true when the route takes the periodic report ({@code report.periodic}) too; reports go only to
 *     such routes (whatever their targets, severity and kinds); a route for reports only lists {@code kinds:
 *     [report.periodic]}
 */
public record Route(
        List<String> targets,
        Severity minSeverity,
        List<String> kinds,
        List<String> channels,
        List<String> escalationChannels,
        int escalateAfter,
        boolean reports) {

    /** Wildcard target. */
    public static final String ANY_TARGET = "*";

    /** Nulls become the defaults: every target, INFO, every kind, no channel, escalation at level 1. */
    public Route {
        targets = targets == null || targets.isEmpty() ? List.of(ANY_TARGET) : List.copyOf(targets);
        minSeverity = Objects.requireNonNullElse(minSeverity, Severity.INFO);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        channels = channels == null ? List.of() : List.copyOf(channels);
        escalationChannels = escalationChannels == null ? List.of() : List.copyOf(escalationChannels);
        escalateAfter = Math.max(1, escalateAfter);
    }

    /** True when the route applies to {@code targetId}. */
    boolean matchesTarget(String targetId) {
        return targets.contains(ANY_TARGET) || targets.contains(targetId);
    }

    /** True when {@code kind} is listed, matches a listed prefix ending in {@code *}, or no kind is listed. */
    boolean matchesKind(String kind) {
        if (kinds.isEmpty()) {
            return true;
        }
        for (String k : kinds) {
            if (k.endsWith("*") ? kind.startsWith(k.substring(0, k.length() - 1)) : k.equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
