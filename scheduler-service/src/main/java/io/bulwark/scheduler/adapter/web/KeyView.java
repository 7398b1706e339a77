package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.EncryptionKeys;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One encryption key in {@code /api/keys}.
 *
 * @param fingerprint the OpenPGP certificate's fingerprint, upper-case hex
 * @param status {@code active} or {@code retired}
 * @param retiredAt when it was retired, null while active
 * @param retiredBy who retired it, null while active
 * @param targets the configured targets that encrypt new backups to it
 * @param backups the retained backups it opens
 * @param soleKeyBackups those of {@code backups} no other key opens: retiring it is refused while any remain
 * @param soleKeyCount the size of {@code soleKeyBackups}
 */
public record KeyView(
        String fingerprint,
        String status,
        Instant retiredAt,
        String retiredBy,
        List<String> targets,
        List<UUID> backups,
        List<UUID> soleKeyBackups,
        int soleKeyCount) {

    static KeyView of(EncryptionKeys.Key key) {
        return new KeyView(
                key.fingerprint(),
                key.retired() == null ? "active" : "retired",
                key.retired() == null ? null : key.retired().at(),
                key.retired() == null ? null : key.retired().by(),
                key.targets(),
                key.backups(),
                key.soleKeyOf(),
                key.soleKeyOf().size());
    }
}
