package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.EncryptionKeys;
import io.bulwark.scheduler.application.KeyNotFoundException;
import io.bulwark.scheduler.application.SoleKeyException;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/keys}: the OpenPGP keys backups are encrypted to, and retiring one.
 *
 * <ul>
 *   <li>{@code GET /api/keys} -> every known {@link KeyView} (from the targets' configured recipients and the retained
 *       backups' recorded ones), by fingerprint.
 *   <li>{@code GET /api/keys/{fingerprint}} -> one {@link KeyView}; 404 problem+json when no target and no retained
 *       backup uses it.
 *   <li>{@code POST /api/keys/{fingerprint}/retire} -> 200, the key retired ({@code retiredBy}: the caller's principal
 *       name, else {@code api}); 409 problem+json with {@code backups} (the retained backups only it opens) while it
 *       is the only key of any; 404 when unknown.
 * </ul>
 */
@RestController
@RequestMapping("/api/keys")
public class KeyController {

    /** {@code retiredBy} when the request carries no principal. */
    static final String RETIRED_BY_API = "api";

    private final EncryptionKeys keys;

    public KeyController(EncryptionKeys keys) {
        this.keys = keys;
    }

    /** Every known key. */
    @GetMapping
    public List<KeyView> list() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    /**
     * One key.
     *
     * @throws KeyNotFoundException when it is not known
     */
    @GetMapping("/{fingerprint}")
    public KeyView get(@PathVariable("fingerprint") String fingerprint) {
        return keys.find(fingerprint).map(KeyView::of).orElseThrow(() -> new KeyNotFoundException(fingerprint));
    }

    /**
     * Retires a key.
     *
     * @throws SoleKeyException when it is the only key of a retained backup
     * @throws KeyNotFoundException when it is not known
     */
    @PostMapping("/{fingerprint}/retire")
    public KeyView retire(@PathVariable("fingerprint") String fingerprint, Principal principal) {
        String by = principal == null || principal.getName() == null ? RETIRED_BY_API : principal.getName();
        return KeyView.of(keys.retire(fingerprint, by));
    }
}
