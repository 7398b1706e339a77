package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.QuietLogging;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.testsupport.GnuPgHome;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The verifier on encrypted PostgreSQL backups (Chinook, {@code pg_dump} through zstd and OpenPGP into S3Proxy),
 * end to end on real components. The verifier holds the secret key of a key pair made by {@code gpg}
 * ({@code bulwark.verifier.decryption.secret-keys}) and the passphrase files of two targets ({@code
 * bulwark.targets.<id>.encryption.passphrase-file}, the setting the dump-worker encrypts with): an artifact
 * encrypted to its key, to an older key still in its ring, or with its target's passphrase restores and passes; one
 * with a passphrase other than its target's fails the {@code restore} check saying why; one encrypted to a key its
 * ring lacks is an ERROR that is not worth retrying, naming the recipients' fingerprints. The {@code keyRing} health
 * indicator names the target whose recipients the ring cannot open.
 */
@SpringBootTest(
        classes = VerifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.min-partition-count=1")
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_COMPLETED, Topics.BACKUP_VERIFIED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class EncryptedVerifierIT {

    private static final String BUCKET = "bulwark";
    private static final String KEY_TARGET = "chinook";
    private static final String PASSPHRASE_TARGET = "chinook-pass";
    private static final String WRONG_PASSPHRASE_TARGET = "chinook-oldpass";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final PostgresDatabases SOURCE = PostgresDatabases.local();

    private static SandboxWorkDir work;
    private static S3ProxyServer s3;
    private static MinioObjectStore store;
    private static GnuPgHome gnupg;
    private static GnuPgHome.KeyPair verifierKey;
    private static GnuPgHome.KeyPair otherKey;
    private static GnuPgHome.KeyPair oldKey;
    private static String passphrase;
    private static Path passphraseFile;
    private static Path oldPassphraseFile;
    private static String sourceDb;

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startStoreKeysAndSourceDatabase() throws Exception {
        QuietLogging.apply();
        work = SandboxWorkDir.create("verifier-encrypted-it");
        s3 = S3ProxyServer.start(work.root().resolve("s3"), BUCKET);
        store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET));
        gnupg = GnuPgHome.create(work.root().resolve("keys"));
        verifierKey = gnupg.generateKey("verifier");
        otherKey = gnupg.generateKey("other");
        oldKey = gnupg.generateKey("old");
        passphrase = "chinook backup passphrase " + System.nanoTime();
        passphraseFile = Files.writeString(work.root().resolve("chinook-pass"), passphrase + "\n");
        oldPassphraseFile = Files.writeString(work.root().resolve("chinook-oldpass"), "an older passphrase\n");
        sourceDb = SOURCE.createUnique("verifier_encrypted_it");
        SOURCE.loadChinook(sourceDb);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> BUCKET);
        registry.add("bulwark.verifier.sandbox.work-dir", () -> work.sandboxes().toString());
        registry.add("bulwark.verifier.sandbox.restore-timeout", () -> "5m");
        registry.add("bulwark.verifier.retry.initial-backoff", () -> "10ms");
        registry.add("bulwark.verifier.retry.max-backoff", () -> "50ms");
        registry.add(
                "bulwark.verifier.decryption.secret-keys[0]",
                () -> verifierKey.secretKey().toString());
        registry.add(
                "bulwark.verifier.decryption.secret-keys[1]",
                () -> oldKey.secretKey().toString());
        registry.add(
                "bulwark.targets." + KEY_TARGET + ".encryption.recipients[0]",
                () -> verifierKey.publicKey().toString());
        registry.add(
                "bulwark.targets.chinook-lost.encryption.recipients[0]",
                () -> otherKey.publicKey().toString());
        registry.add("management.endpoint.health.show-details", () -> "always");
        registry.add(
                "bulwark.targets." + PASSPHRASE_TARGET + ".encryption.passphrase-file",
                () -> passphraseFile.toString());
        registry.add(
                "bulwark.targets." + WRONG_PASSPHRASE_TARGET + ".encryption.passphrase-file",
                () -> oldPassphraseFile.toString());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try {
            if (sourceDb != null) {
                SOURCE.drop(sourceDb);
            }
        } finally {
            if (gnupg != null) {
                gnupg.close();
            }
            if (s3 != null) {
                s3.close();
            }
            if (work != null) {
                work.delete();
            }
        }
    }

    @AfterEach
    void noSandboxIsLeftBehind() throws Exception {
        work.assertNoSandboxLeft();
    }

    @Test
    void anArtifactEncryptedToTheVerifiersKeyIsDecryptedRestoredAndPasses() throws Exception {
        BackupCapture.Backup backup =
                capture(KEY_TARGET, OpenPgpEncryption.toRecipients(List.of(verifierKey.publicKey())));
        assertThat(backup.artifactKey()).endsWith("/dump.pgcustom.zst.gpg");

        BackupVerified event = verify(backup);

        assertPassedWithEveryTable(event, backup);
    }

    @Test
    void anArtifactEncryptedToAnOlderKeyOfTheRingPassesAndTheEventNamesItsRecipient() throws Exception {
        BackupCapture.Backup backup = capture(KEY_TARGET, OpenPgpEncryption.toRecipients(List.of(oldKey.publicKey())));
        assertThat(backup.manifest().artifact().recipients()).containsExactly(oldKey.fingerprint());

        BackupVerified event = verify(backup);

        assertPassedWithEveryTable(event, backup);
        assertThat(event.artifactRecipients()).containsExactly(oldKey.fingerprint());
    }

    @Test
    void anArtifactEncryptedToAKeyTheRingLacksIsAnErrorNotWorthRetryingNamingTheFingerprint() throws Exception {
        OpenPgpEncryption toOther = OpenPgpEncryption.toRecipients(List.of(otherKey.publicKey()));
        BackupCapture.Backup backup = capture(KEY_TARGET, toOther);

        BackupVerified event = verify(backup);

        assertThat(event.outcome()).as(event.checks().toString()).isEqualTo(Outcome.ERROR);
        assertThat(event.retryable()).isFalse();
        assertThat(event.artifactRecipients()).containsExactly(otherKey.fingerprint());
        assertThat(check(event, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        CheckResult restore = check(event, "restore");
        assertThat(restore.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(restore.detail()).contains("no key in the ring opens this artifact: " + otherKey.fingerprint());
        assertThat(check(event, "tables").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void theKeyRingHealthNamesTheTargetWhoseRecipientsTheRingCannotOpen() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/keyRing"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .contains("\"status\":\"DOWN\"")
                .contains("\"uncoveredTargets\":[\"chinook-lost\"]")
                .contains(verifierKey.fingerprint())
                .contains(oldKey.fingerprint())
                .contains(otherKey.fingerprint())
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void aPassphraseEncryptedArtifactPassesWithItsTargetsPassphraseFile() throws Exception {
        BackupCapture.Backup backup =
                capture(PASSPHRASE_TARGET, OpenPgpEncryption.withPassphrase(passphrase.toCharArray()));

        BackupVerified event = verify(backup);

        assertPassedWithEveryTable(event, backup);
        try (InputStream in = store.get(event.reportKey())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain(passphrase);
        }
    }

    @Test
    void aPassphraseEncryptedArtifactFailsTheRestoreCheckWhenItsTargetsPassphraseIsAnother() throws Exception {
        BackupCapture.Backup backup =
                capture(WRONG_PASSPHRASE_TARGET, OpenPgpEncryption.withPassphrase(passphrase.toCharArray()));

        BackupVerified event = verify(backup);

        assertThat(event.outcome()).as(event.checks().toString()).isEqualTo(Outcome.FAILED);
        CheckResult restore = check(event, "restore");
        assertThat(restore.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(restore.detail()).contains("wrong passphrase").doesNotContain(passphrase);
        assertThat(check(event, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(event, "tables").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    private BackupCapture.Backup capture(String target, OpenPgpEncryption encryption) throws Exception {
        return BackupCapture.capture(
                store,
                target,
                new PgDumpTool(new ProcessRunner(), PgDumpTool.DEFAULT_PROGRAM, Duration.ofMinutes(5)),
                new ConnectionSpec(SOURCE.host(), SOURCE.port(), sourceDb, SOURCE.username(), SOURCE.password()),
                CodecChain.zstd().encryptedWith(encryption));
    }

    private BackupVerified verify(BackupCapture.Backup backup) throws Exception {
        assertThat(backup.manifest().artifact().codecs()).containsExactly("zstd", "openpgp");
        return new VerifierTopics(broker.getBrokersAsString(), WAIT).verify(backup.completed());
    }

    private void assertPassedWithEveryTable(BackupVerified event, BackupCapture.Backup backup) throws Exception {
        assertThat(event.outcome()).as(event.checks().toString()).isEqualTo(Outcome.PASSED);
        assertThat(event.checks())
                .as(
                        "plain Chinook has no sequence, its target no rto, its manifest no source health: those are skipped")
                .extracting(CheckResult::status)
                .containsOnly(CheckStatus.PASSED, CheckStatus.SKIPPED);
        assertThat(event.checks()).extracting(CheckResult::name).contains("checksum", "restore", "row-counts");
        VerificationReport report;
        try (InputStream in = store.get(event.reportKey())) {
            report = EventJson.read(in.readAllBytes(), VerificationReport.class);
        }
        assertThat(report.tables())
                .extracting(TableRows::name)
                .containsExactlyInAnyOrderElementsOf(PostgresDatabases.CHINOOK_TABLES);
        assertThat(report.tables()).allMatch(TableRows::matches);
        assertThat(report.tables().stream().mapToLong(TableRows::sourceRows).sum())
                .isEqualTo(backup.manifest().inventory().totalRows())
                .isEqualTo(15_607);
    }

    private static CheckResult check(BackupVerified event, String name) {
        return event.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + event.checks()));
    }
}
