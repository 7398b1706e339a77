package io.bulwark.scheduler.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Use case: which encryption keys exist, which retained backups each opens, and retiring one.
 *
 * <p>A key is known when a configured target encrypts to it ({@code bulwark.targets.<id>.encryption.recipients}) or
 * a retained backup's artifact is encrypted to it (projected from {@code BackupCompleted} and {@code BackupVerified}).
 * Retiring a key is refused while it is the <em>only</em> key of a retained backup: the backup would become
 * unreadable the day the secret key is destroyed. Those backups must expire, or be re-encrypted to another key
 * ({@code ./bulwark keys reencrypt}) and verified again (which tells the scheduler their new recipients), first.
 * Backups with unknown recipients (written before recipients were recorded) are counted apart: no key is refused
 * because of them. Thread-safe.
 */
public class EncryptionKeys {

    private final KeyCatalog catalog;
    private final Supplier<Map<String, List<String>>> configuredRecipients;
    private final Clock clock;
    private final Transactions transactions;

    /**
     * @param configuredRecipients per target id, the fingerprints it encrypts new backups to
     */
    public EncryptionKeys(
            KeyCatalog catalog,
            Supplier<Map<String, List<String>>> configuredRecipients,
            Clock clock,
            Transactions transactions) {
        this.catalog = catalog;
        this.configuredRecipients = configuredRecipients;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * One key.
     *
     * @param fingerprint upper-case hex
     * @param retired the retirement, or null while active
     * @param targets the configured targets that encrypt new backups to it
     * @param backups the retained backups it opens
     * @param soleKeyOf those of {@code backups} no other key opens
     */
    public record Key(
            String fingerprint,
            KeyCatalog.Retirement retired,
            List<String> targets,
            List<UUID> backups,
            List<UUID> soleKeyOf) {}

    /** Every known key, by fingerprint. */
    public List<Key> list() {
        return new ArrayList<>(keys().values());
    }

    /** The key of {@code fingerprint} (any case), or empty when it is not known. */
    public Optional<Key> find(String fingerprint) {
        return Optional.ofNullable(keys().get(normalize(fingerprint)));
    }

    /** How many retained backups have unknown recipients. */
    public long backupsWithUnknownRecipients() {
        return catalog.retainedBackups().stream()
                .filter(b -> b.recipients() == null)
                .count();
    }

    /**
     * Retires {@code fingerprint}.
     *
     * @param by who asks: the caller's principal name, or {@code api}
     * @return the key, retired
     * @throws KeyNotFoundException when no target and no retained backup knows it
     * @throws SoleKeyException listing the retained backups only it opens
     */
    public Key retire(String fingerprint, String by) {
        String wanted = normalize(fingerprint);
        return transactions.inTransaction(() -> {
            Key key = keys().get(wanted);
            if (key == null) {
                throw new KeyNotFoundException(wanted);
            }
            if (!key.soleKeyOf().isEmpty()) {
                throw new SoleKeyException(wanted, key.soleKeyOf());
            }
            catalog.retire(wanted, by, clock.instant());
            return keys().get(wanted);
        });
    }

    /** Upper-case hex without spaces. */
    public static String normalize(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private Map<String, Key> keys() {
        Map<String, TreeSet<String>> targets = new TreeMap<>();
        configuredRecipients.get().forEach((target, fingerprints) -> {
            for (String fp : fingerprints) {
                targets.computeIfAbsent(normalize(fp), k -> new TreeSet<>()).add(target);
            }
        });
        Map<String, List<UUID>> backups = new TreeMap<>();
        Map<String, List<UUID>> sole = new TreeMap<>();
        for (KeyCatalog.RetainedBackup backup : catalog.retainedBackups()) {
            if (backup.recipients() == null) {
                continue;
            }
            List<String> recipients = backup.recipients().stream()
                    .map(EncryptionKeys::normalize)
                    .distinct()
                    .toList();
            for (String fp : recipients) {
                backups.computeIfAbsent(fp, k -> new ArrayList<>()).add(backup.backupId());
            }
            if (recipients.size() == 1) {
                sole.computeIfAbsent(recipients.getFirst(), k -> new ArrayList<>())
                        .add(backup.backupId());
            }
        }
        Map<String, KeyCatalog.Retirement> retired = catalog.retired();
        TreeSet<String> all = new TreeSet<>(targets.keySet());
        all.addAll(backups.keySet());
        all.addAll(retired.keySet());
        Map<String, Key> keys = new TreeMap<>();
        for (String fp : all) {
            keys.put(
                    fp,
                    new Key(
                            fp,
                            retired.get(fp),
                            List.copyOf(targets.getOrDefault(fp, new TreeSet<>())),
                            List.copyOf(backups.getOrDefault(fp, List.of())),
                            List.copyOf(sole.getOrDefault(fp, List.of()))));
        }
        return keys;
    }
}
