package io.bulwark.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * The security half of a {@link KafkaKraftBroker}'s configuration: SASL listeners, the authorizer and super user, and
 * the users' SCRAM credentials. Package-private: the broker is the only caller.
 */
final class KafkaBrokerSecurity {

    /** Iterations of SCRAM's key derivation (Kafka's minimum for SCRAM-SHA-512 is 4096). */
    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaBrokerSecurity() {}

    /**
     * Broker properties replacing the PLAINTEXT listeners: {@code CLIENT} (SASL_PLAINTEXT, SCRAM-SHA-512, also the
     * inter-broker listener) and {@code CONTROLLER} (SASL_PLAINTEXT, PLAIN, the admin user only); {@code
     * StandardAuthorizer} with the admin as the only super user and no access where no ACL matches.
     *
     * @param auth the users
     * @param brokerPort the client port on 127.0.0.1
     * @param controllerPort the controller port on 127.0.0.1
     */
    static Map<String, Object> brokerProperties(KafkaAuthentication auth, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENT");
        p.put("sasl.enabled.mechanisms", KafkaAuthentication.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaAuthentication.MECHANISM);
        p.put(
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                KafkaAuthentication.jaasConfig(
                        "org.apache.kafka.common.security.scram.ScramLoginModule",
                        auth.adminUser(),
                        auth.adminPassword()));
        // SCRAM credentials live in the metadata log, which the controller listener serves: KRaft controllers take
        // PLAIN or GSSAPI only. PLAIN with a single, static user: the admin, i.e. the broker itself.
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put(
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username="
                        + KafkaAuthentication.quote(auth.adminUser()) + " password="
                        + KafkaAuthentication.quote(auth.adminPassword()) + " user_" + auth.adminUser() + "="
                        + KafkaAuthentication.quote(auth.adminPassword()) + ";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + auth.adminUser());
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /**
     * Creates or replaces the SCRAM-SHA-512 credential of every user of {@code auth} but the admin, as the admin.
     *
     * @param bootstrap the broker's client listener
     * @param auth the users
     * @throws IllegalStateException when the broker refuses or does not answer within 30 s
     */
    static void upsertUsers(String bootstrap, KafkaAuthentication auth) {
        if (auth.users().isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>(auth.adminClientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<UserScramCredentialAlteration> alterations = new ArrayList<>();
        auth.users()
                .forEach((user, password) -> alterations.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
        try (Admin admin = Admin.create(props)) {
            admin.alterUserScramCredentials(alterations).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing Kafka users", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the Kafka users' SCRAM credentials: " + e.getMessage(), e);
        }
    }
}
