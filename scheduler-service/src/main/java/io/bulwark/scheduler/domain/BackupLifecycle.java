package io.bulwark.scheduler.domain;

import static io.bulwark.scheduler.domain.BackupState.COMPLETED;
import static io.bulwark.scheduler.domain.BackupState.DELETED;
import static io.bulwark.scheduler.domain.BackupState.FAILED;
import static io.bulwark.scheduler.domain.BackupState.REQUESTED;
import static io.bulwark.scheduler.domain.BackupState.VERIFICATION_ERROR;
import static io.bulwark.scheduler.domain.BackupState.VERIFICATION_FAILED;
import static io.bulwark.scheduler.domain.BackupState.VERIFIED;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The backup lifecycle as an explicit allowed-transitions table (after jobrunr's {@code
 * AllowedJobStateStateChanges}).
 *
 * <pre>
 * REQUESTED            -&gt; COMPLETED | FAILED
 * FAILED               -&gt; COMPLETED   (a later attempt of the same request succeeded)
 * COMPLETED            -&gt; VERIFIED | VERIFICATION_FAILED | VERIFICATION_ERROR | DELETED
 * VERIFIED, VERIFICATION_FAILED, VERIFICATION_ERROR
 *                      -&gt; VERIFIED | VERIFICATION_FAILED | VERIFICATION_ERROR (re-verification) | DELETED
 * DELETED              -&gt; (terminal)
 * </pre>
 *
 * <p>FAILED never goes back to REQUESTED: the backup id is the request id, so a retry by hand is a
 * new request with a new id; a re-delivered request of a failed backup changes no state.
 *
 * <p>Events of different topics may arrive out of order, so the projection moves a backup to any
 * state <em>reachable</em> through the table ({@link #canAdvance}), skipping the states whose
 * events it has not seen yet, and ignores every move backwards. Reachability is a total preorder
 * (REQUESTED &lt; FAILED &lt; COMPLETED &lt; verification states &lt; DELETED), which makes the final state
 * independent of the arrival order.
 */
public final class BackupLifecycle {

    private static final Map<BackupState, Set<BackupState>> ALLOWED = new EnumMap<>(BackupState.class);
    private static final Map<BackupState, Set<BackupState>> REACHABLE = new EnumMap<>(BackupState.class);

    static {
        Set<BackupState> verifications = EnumSet.of(VERIFIED, VERIFICATION_FAILED, VERIFICATION_ERROR);
        allow(REQUESTED, EnumSet.of(COMPLETED, FAILED));
        allow(FAILED, EnumSet.of(COMPLETED));
        allow(COMPLETED, with(verifications, DELETED));
        allow(VERIFIED, with(verifications, DELETED));
        allow(VERIFICATION_FAILED, with(verifications, DELETED));
        allow(VERIFICATION_ERROR, with(verifications, DELETED));
        allow(DELETED, EnumSet.noneOf(BackupState.class));
        for (BackupState from : BackupState.values()) {
            REACHABLE.put(from, Collections.unmodifiableSet(closure(from)));
        }
    }

    private BackupLifecycle() {}

    /**
     * The states {@code from} may move to directly.
     *
     * @return an unmodifiable set, empty for a terminal state
     */
    public static Set<BackupState> allowedFrom(BackupState from) {
        return ALLOWED.get(from);
    }

    /** True when the table allows the direct move {@code from -> to}. */
    public static boolean isAllowed(BackupState from, BackupState to) {
        return ALLOWED.get(from).contains(to);
    }

    /**
     * True when {@code to} is reachable from {@code from} through one or more allowed transitions:
     * the projection may jump there even though it missed (or has not yet seen) the events between.
     */
    public static boolean canAdvance(BackupState from, BackupState to) {
        return REACHABLE.get(from).contains(to);
    }

    private static void allow(BackupState from, Set<BackupState> to) {
        ALLOWED.put(from, Collections.unmodifiableSet(to));
    }

    private static Set<BackupState> with(Set<BackupState> states, BackupState extra) {
        EnumSet<BackupState> all = EnumSet.copyOf(states);
        all.add(extra);
        return all;
    }

    private static Set<BackupState> closure(BackupState from) {
        EnumSet<BackupState> seen = EnumSet.noneOf(BackupState.class);
        Deque<BackupState> todo = new ArrayDeque<>(ALLOWED.get(from));
        while (!todo.isEmpty()) {
            BackupState next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(ALLOWED.get(next));
            }
        }
        return seen;
    }
}
