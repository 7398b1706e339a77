package io.bulwark.localstack.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.localstack.LocalStack;
import io.bulwark.pipeline.ReEncryption;
import io.bulwark.testsupport.GnuPgHome;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReEncryptCommandTest {

    @TempDir
    Path dir;

    @Test
    void reencryptsEveryEncryptedBackupOfTheTargetAndPrintsTheNewRecipients() throws Exception {
        try (GnuPgHome gnupg = GnuPgHome.create(dir.resolve("k"))) {
            GnuPgHome.KeyPair old = gnupg.generateKey("old");
            GnuPgHome.KeyPair fresh = gnupg.generateKey("new");
            InMemoryObjectStore store = new InMemoryObjectStore();
            UUID id = UUID.randomUUID();
            String prefix =
                    "chinook/2026/12/adhoc_20261203T050000Z_" + id.toString().substring(0, 8) + "/";
            CodecChain chain =
                    CodecChain.zstd().encryptedWith(OpenPgpEncryption.toRecipients(List.of(old.publicKey())));
            ByteArrayOutputStream stored = new ByteArrayOutputStream();
            try (OutputStream encoder = chain.encoder(stored)) {
                encoder.write("rows".repeat(10_000).getBytes());
            }
            store.putBytes(prefix + "dump.pgcustom.zst.gpg", stored.toByteArray(), chain.contentType());
            ManifestJson.store(
                    store,
                    prefix + "manifest.json",
                    manifest(
                            id,
                            new ArtifactRef(
                                    "bulwark",
                                    prefix + "dump.pgcustom.zst.gpg",
                                    "pg_dump-custom",
                                    chain.codecs(),
                                    stored.size(),
                                    40_000,
                                    null,
                                    null,
                                    List.of(old.fingerprint()))));
            ReEncryptCommand command = new ReEncryptCommand(name -> null);
            command.target = "chinook";
            // a verifier that checks signatures must still trust the switched manifest
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String hexKey = java.util.HexFormat.of().formatHex(random);
            byte[] signingKey = hexKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Path signingKeyFile = java.nio.file.Files.writeString(dir.resolve("manifest-signing.key"), hexKey + "\n");
            command.manifestKeyFile = signingKeyFile;
            command.manifestKeyId = "test";
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = command.run(
                    store,
                    new ReEncryption(
                            store,
                            DecryptionKeys.ofSecretKeyFile(old.secretKey(), null)
                                    .withSecretKeyFile(fresh.secretKey(), null),
                            OpenPgpEncryption.toRecipients(List.of(fresh.publicKey())),
                            command.manifestWriter(),
                            Clock.systemUTC()),
                    new PrintWriter(out, true),
                    new PrintWriter(err, true));

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString())
                    .contains("REENCRYPTED " + id)
                    .contains("[" + old.fingerprint() + "] -> [" + fresh.fingerprint() + "]");
            assertThat(ManifestJson.load(store, prefix + "manifest.json")
                            .artifact()
                            .recipients())
                    .containsExactly(fresh.fingerprint());
            byte[] manifestBytes;
            byte[] signature;
            try (var in = store.get(prefix + "manifest.json");
                    var sig = store.get(io.bulwark.artifacts.ObjectKeys.signatureKey(prefix + "manifest.json"))) {
                manifestBytes = in.readAllBytes();
                signature = sig.readAllBytes();
            }
            assertThat(io.bulwark.artifacts.ManifestSigningKeys.of("test", signingKey, List.of())
                            .check(manifestBytes, signature))
                    .as("the switched manifest's signature checks")
                    .isNull();
        }
    }

    @Test
    void isASubcommandOfKeys() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new LocalStack());
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("keys", "reencrypt", "--help")).isZero();
        assertThat(out.toString()).contains("--to-recipient", "--key", "--target", "--backup");
    }

    private static Manifest manifest(UUID id, ArtifactRef artifact) {
        return new Manifest(
                Manifest.SCHEMA_VERSION,
                id,
                id,
                "chinook",
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                Instant.parse("2026-12-03T05:00:00Z"),
                Instant.parse("2026-12-03T05:00:09Z"),
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", null),
                new Manifest.Tool("pg_dump", "pg_dump 15.20", "custom"),
                artifact,
                new SchemaInventory(
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of()),
                "test");
    }
}
