package io.bulwark.localstack.keys;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.Ids;
import io.bulwark.localstack.restore.RestoreCredentials;
import io.bulwark.pipeline.ReEncryption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark keys reencrypt}: re-encrypts a target's stored backups (or one) to new recipients with {@link
 * ReEncryption}: streamed, the new copy proven before the manifest is switched and the old copy deleted. Prints, per
 * backup, the old and new recipients' fingerprints; the scheduler learns the new ones when the backup is verified
 * again ({@code POST /api/backups/{id}/verify}). Credentials come from the environment or files, never from the
 * command line (as for {@code bulwark restore}).
 */
@Command(
        name = "reencrypt",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Re-encrypt a target's stored backups to new recipients, so that an old key can be retired. Each artifact"
                    + " is streamed from the bucket, decrypted with --key, encrypted to --to-recipient into a new"
                    + " object beside it, read back and proven (SHA-256, decrypted and decompressed to the manifest's"
                    + " checksum of the dump), and only then the manifest is switched and the old object deleted.",
            "--key must hold a secret key of the current recipients and one of the new (to prove the new copy)."
                    + " The S3 keys from env " + RestoreCredentials.S3_ACCESS_KEY_ENV + "/"
                    + RestoreCredentials.S3_SECRET_KEY_ENV + " or the --s3-*-key-file options; the secret keys'"
                    + " passphrase from env " + RestoreCredentials.SECRET_KEY_PASSPHRASE_ENV
                    + " or --key-passphrase-file.",
            "Afterwards verify the backups again (POST /api/backups/{id}/verify) so that GET /api/keys shows their"
                    + " new keys, then retire the old key (POST /api/keys/{fingerprint}/retire)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every backup was re-encrypted (or already was)", "1:a backup could not be", "2:bad arguments"
        })
public final class ReEncryptCommand implements Callable<Integer> {

    @Option(names = "--s3-endpoint", required = true, paramLabel = "URL", description = "The S3 endpoint.")
    String endpoint;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket of the backups.")
    String bucket;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "us-east-1", description = "The region.")
    String region;

    @Option(
            names = "--target",
            required = true,
            paramLabel = "ID",
            description = "The target whose backups to re-encrypt.")
    String target;

    @Option(names = "--backup", paramLabel = "ID", description = "Only this backup (its id).")
    UUID backup;

    @Option(
            names = "--to-recipient",
            required = true,
            paramLabel = "FILE",
            description = "A public key file (gpg --armor --export) of a new recipient; repeatable.")
    List<Path> recipients = new ArrayList<>();

    @Option(
            names = "--key",
            required = true,
            paramLabel = "FILE",
            description = "A secret key file (gpg --armor --export-secret-keys) of the ring; repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--key-passphrase-file", paramLabel = "FILE", description = "The secret keys' passphrase.")
    Path keyPassphraseFile;

    @Option(names = "--s3-access-key-file", paramLabel = "FILE", description = "The S3 access key.")
    Path s3AccessKeyFile;

    @Option(names = "--s3-secret-key-file", paramLabel = "FILE", description = "The S3 secret key.")
    Path s3SecretKeyFile;

    @Option(
            names = "--manifest-key",
            paramLabel = "FILE",
            description = "The manifest signing key (the dump-worker's bulwark.manifest-signing.key-file): the switched"
                    + " manifest is signed with it, so that a verifier that checks signatures still trusts it.")
    Path manifestKeyFile;

    @Option(
            names = "--manifest-key-id",
            paramLabel = "ID",
            defaultValue = "reencrypt",
            description = "The key id written into the signature (default: ${DEFAULT-VALUE}).")
    String manifestKeyId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;

    /** A command reading the process's environment. */
    public ReEncryptCommand() {
        this(System::getenv);
    }

    /** @param env reads an environment variable */
    ReEncryptCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Ids.isSafe(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--target is not a valid target id");
        }
        ObjectStore store;
        ReEncryption reencryption;
        try {
            RestoreCredentials credentials = new RestoreCredentials(env);
            RestoreCredentials.S3Keys s3 = credentials.s3Keys(s3AccessKeyFile, s3SecretKeyFile);
            DecryptionKeys ring = credentials.decryptionKeys(keys, keyPassphraseFile, null);
            store = new MinioObjectStore(new ObjectStoreSettings(
                    endpoint, s3.accessKey(), s3.secretKey(), bucket, region, ObjectStoreSettings.DEFAULT_PART_SIZE));
            reencryption = new ReEncryption(
                    store, ring, OpenPgpEncryption.toRecipients(recipients), manifestWriter(), Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("ERROR: " + e.getMessage());
            return 2;
        }
        return run(store, reencryption, out, err);
    }

    /**
     * Writes the switched manifest signed with {@code --manifest-key} (the signature first, then the manifest), or
     * plain without it.
     *
     * @throws IllegalArgumentException naming {@code --manifest-key} when the file cannot be read or the key is short
     */
    ReEncryption.ManifestWriter manifestWriter() {
        if (manifestKeyFile == null) {
            return ReEncryption.ManifestWriter.PLAIN;
        }
        ManifestSigningKeys signing = ManifestSigningKeys.load(
                manifestKeyId, manifestKeyFile.toString(), null, List.of(), env, "--manifest-key");
        return (store, manifestKey, manifest) -> ManifestJson.storeSigned(store, manifestKey, manifest, signing);
    }

    /** Re-encrypts every selected backup; 0 when all went through, 1 when one did not. */
    int run(ObjectStore store, ReEncryption reencryption, PrintWriter out, PrintWriter err) {
        int failed = 0;
        int done = 0;
        for (String manifestKey : manifests(store)) {
            Manifest manifest;
            try {
                manifest = ManifestJson.load(store, manifestKey);
            } catch (RuntimeException e) {
                err.println("SKIPPED " + manifestKey + ": unreadable manifest: " + e.getMessage());
                continue;
            }
            if (backup != null && !backup.equals(manifest.backupId())) {
                continue;
            }
            if (manifest.artifact() == null || !manifest.artifact().codecs().contains(CodecChain.OPENPGP)) {
                out.println("SKIPPED " + manifest.backupId() + ": not encrypted");
                continue;
            }
            try {
                ReEncryption.Result result = reencryption.reencrypt(manifestKey);
                done++;
                out.println((result.unchanged() ? "UNCHANGED " : "REENCRYPTED ") + manifest.backupId() + " "
                        + result.newKey() + " recipients "
                        + (result.oldRecipients() == null ? "[unknown]" : result.oldRecipients()) + " -> "
                        + result.newRecipients() + " ("
                        + result.storedBytes() + " bytes, " + result.millis() + " ms)");
            } catch (RuntimeException e) {
                failed++;
                err.println("FAILED " + manifest.backupId() + ": " + e.getMessage() + " (the backup is unchanged)");
            }
        }
        if (backup != null && done == 0 && failed == 0) {
            err.println("ERROR: no encrypted backup " + backup + " of target " + target + " in bucket " + bucket);
            return 1;
        }
        out.println(done + " backup(s) re-encrypted or already encrypted to the new recipients, " + failed + " failed."
                + (done > 0
                        ? " Verify them again (POST /api/backups/{id}/verify) so that GET /api/keys shows their"
                                + " new keys."
                        : ""));
        return failed == 0 ? 0 : 1;
    }

    private List<String> manifests(ObjectStore store) {
        return store.list(target + "/").stream()
                .filter(key -> key.endsWith("/manifest.json"))
                .sorted()
                .toList();
    }
}
