package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.testsupport.GnuPgHome;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/keys} over HTTP on real components (embedded KRaft Kafka, the machine's PostgreSQL in a database of its
 * own): the keys of the configured target's recipients and of the retained backups' events; retiring the only key
 * of a retained backup is refused until a verification says the backup was re-encrypted to another key.
 */
@ExtendWith(KeysIT.CleanUp.class)
@SchedulerIntegrationTest
@TestPropertySource(properties = {"bulwark.targets.chinook.engine=postgresql"})
class KeysIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("keys_scheduler_it_");
    private static final String OLD = "1111111111111111111111111111111111111111";

    private static Path keysDir;
    private static GnuPgHome gnupg;
    private static GnuPgHome.KeyPair current;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        DATABASE.register(registry);
        keysDir = Files.createTempDirectory("keys-it");
        gnupg = GnuPgHome.create(keysDir);
        current = gnupg.generateKey("current");
        registry.add(
                "bulwark.targets.chinook.encryption.recipients[0]",
                () -> current.publicKey().toString());
    }

    /** Closes the GnuPG home and deletes the keys folder after Spring closed the application. */
    static final class CleanUp implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            if (gnupg != null) {
                gnupg.close();
            }
            if (keysDir != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(keysDir.toFile());
            }
        }
    }

    @Test
    void aKeyThatIsTheOnlyKeyOfARetainedBackupCannotBeRetiredUntilTheBackupIsReencrypted() {
        String fresh = current.fingerprint();
        UUID onlyOld = UUID.randomUUID();
        UUID both = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        topics.publish(Topics.BACKUP_COMPLETED, completed(onlyOld, List.of(OLD)));
        topics.publish(Topics.BACKUP_COMPLETED, completed(both, List.of(OLD, fresh)));
        topics.publish(Topics.BACKUP_COMPLETED, completed(unknown, null));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode old = ApiClient.json(api.get("/api/keys/" + OLD));
            assertThat(old.has("backups")).as("GET /api/keys/{old}: %s", old).isTrue();
            assertThat(strings(old.get("backups"))).containsExactlyInAnyOrder(onlyOld.toString(), both.toString());
        });
        JsonNode list = ApiClient.json(api.get("/api/keys"));
        assertThat(list.size()).isEqualTo(2);
        JsonNode old = key(list, OLD);
        assertThat(old.get("status").asString()).isEqualTo("active");
        assertThat(strings(old.get("soleKeyBackups"))).containsExactly(onlyOld.toString());
        assertThat(old.get("soleKeyCount").asInt()).isEqualTo(1);
        JsonNode currentKey = key(list, fresh);
        assertThat(strings(currentKey.get("targets"))).containsExactly("chinook");
        assertThat(strings(currentKey.get("backups"))).containsExactly(both.toString());
        assertThat(currentKey.get("soleKeyCount").asInt()).isZero();

        HttpResponse<String> refused = api.post("/api/keys/" + OLD.toLowerCase() + "/retire", "");
        String detail = ApiClient.assertProblem(refused, 409, null);
        assertThat(detail).contains(OLD).contains("only key of 1 retained backup");
        assertThat(strings(ApiClient.json(refused).get("backups"))).containsExactly(onlyOld.toString());
        assertThat(ApiClient.json(api.get("/api/keys/" + OLD)).get("status").asString())
                .isEqualTo("active");

        // re-encrypted to the current key and verified again: the verification names the new recipients
        topics.publish(Topics.BACKUP_VERIFIED, verified(onlyOld, List.of(fresh)));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ApiClient.json(api.get("/api/keys/" + OLD))
                                .get("soleKeyCount")
                                .asInt())
                        .isZero());

        HttpResponse<String> retired = api.post("/api/keys/" + OLD + "/retire", "");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(retired);
        assertThat(body.get("status").asString()).isEqualTo("retired");
        assertThat(body.get("retiredBy").asString()).isEqualTo("it-admin"); // the caller, from its token
        assertThat(strings(body.get("backups"))).containsExactly(both.toString());
        assertThat(strings(ApiClient.json(api.get("/api/keys/" + fresh)).get("soleKeyBackups")))
                .containsExactly(onlyOld.toString());

        ApiClient.assertProblem(api.get("/api/keys/" + "2".repeat(40)), 404, null);
    }

    private static JsonNode key(JsonNode list, String fingerprint) {
        for (JsonNode key : list) {
            if (key.get("fingerprint").asString().equals(fingerprint)) {
                return key;
            }
        }
        throw new AssertionError("no key " + fingerprint + " in " + list);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static BackupCompleted completed(UUID id, List<String> recipients) {
        String prefix = "chinook/2026/12/adhoc_" + id + "/";
        return ItEvents.completed(
                id,
                "chinook",
                prefix,
                Tier.ADHOC,
                Trigger.MANUAL,
                new ArtifactRef(
                        "bulwark",
                        prefix + "dump.pgcustom.zst.gpg",
                        "pg_dump-custom",
                        List.of("zstd", "openpgp"),
                        4242,
                        9000,
                        "aa",
                        "bb",
                        recipients),
                Instant.now(),
                Duration.ofSeconds(5));
    }

    private static BackupVerified verified(UUID id, List<String> recipients) {
        return new BackupVerified(
                UUID.randomUUID(),
                Instant.now(),
                1,
                id,
                "chinook",
                Outcome.PASSED,
                List.of(new CheckResult("restore", CheckStatus.PASSED, "", 9)),
                null,
                "local",
                null,
                "chinook/2026/12/adhoc_" + id + "/",
                Instant.now(),
                Tier.ADHOC,
                null,
                null,
                recipients);
    }
}
