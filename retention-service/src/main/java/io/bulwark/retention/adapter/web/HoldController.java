package io.bulwark.retention.adapter.web;

import io.bulwark.retention.application.HoldBackups;
import io.bulwark.retention.domain.Hold;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds on backups (admin role to place or release, viewer to list):
 *
 * <ul>
 *   <li>{@code POST /api/backups/{id}/hold} body {@code {"reason": "...", "until": optional ISO-8601 instant}} -> 201
 *       with the hold and {@code objectLock} (what the store did: APPLIED, OFF, UNSUPPORTED or FAILED); 400 naming
 *       {@code reason} (blank, over 500 characters) or {@code until} (not in the future, malformed); 404 when the
 *       backup is not a live backup of the retention catalog; 409 when it is held already (release first to change
 *       a hold) or its deletion began.
 *   <li>{@code DELETE /api/backups/{id}/hold} -> 204; 404 when the backup has no hold. The release is audited.
 *   <li>{@code GET /api/holds} -> 200 {@code {"items": [hold...]}}, the most recently placed first, each with {@code
 *       standing} (false once its {@code until} passed).
 * </ul>
 */
@RestController
public class HoldController {

    /** {@code heldBy} / {@code releasedBy} when the request carries no principal. */
    static final String ANONYMOUS_ACTOR = "api";

    private final HoldBackups holds;
    private final Clock clock;

    public HoldController(HoldBackups holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    /** The body of {@code POST /api/backups/{id}/hold}. */
    public record HoldRequest(String reason, Instant until) {}

    /**
     * A hold as the API shows it.
     *
     * @param standing true while the hold protects the backup ({@code until} not passed)
     * @param objectLock what the store did with the backup's objects (only in the answer to placing a hold)
     */
    public record HoldView(
            UUID backupId,
            String reason,
            String heldBy,
            Instant heldAt,
            Instant until,
            boolean standing,
            HoldBackups.Lock objectLock) {

        static HoldView of(Hold hold, Instant now, HoldBackups.Lock lock) {
            return new HoldView(
                    hold.backupId(),
                    hold.reason(),
                    hold.heldBy(),
                    hold.heldAt(),
                    hold.until(),
                    hold.standsAt(now),
                    lock);
        }
    }

    /** The list of holds. */
    public record HoldList(List<HoldView> items) {}

    /** Places a hold; see the class comment for the answers. */
    @PostMapping("/api/backups/{id}/hold")
    @ResponseStatus(HttpStatus.CREATED)
    public HoldView hold(@PathVariable("id") UUID id, @RequestBody HoldRequest request, Principal principal) {
        HoldBackups.Result placed = holds.place(id, request.reason(), request.until(), actor(principal));
        return HoldView.of(placed.hold(), clock.instant(), placed.objectLock());
    }

    /** Releases a hold; see the class comment for the answers. */
    @DeleteMapping("/api/backups/{id}/hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void release(@PathVariable("id") UUID id, Principal principal) {
        holds.release(id, actor(principal));
    }

    /** Every hold, lapsed or not. */
    @GetMapping("/api/holds")
    public HoldList list() {
        Instant now = clock.instant();
        return new HoldList(
                holds.list().stream().map(h -> HoldView.of(h, now, null)).toList());
    }

    /** The caller's principal name, or {@value #ANONYMOUS_ACTOR}. */
    static String actor(Principal principal) {
        return principal == null || principal.getName() == null ? ANONYMOUS_ACTOR : principal.getName();
    }
}
