package io.bulwark.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.service.secrets.SecretReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class KafkaClientSecurityTest {

    private static final SecretReader SECRETS = new SecretReader(Map.of("KAFKA_PW", "s3cr\"et")::get);

    @Test
    void nothingIsSetWithoutAUser() {
        StandardEnvironment env = new StandardEnvironment();
        new KafkaSecurityEnvironmentPostProcessor(SECRETS).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains(KafkaSecurityEnvironmentPostProcessor.PROPERTY_SOURCE))
                .isFalse();
    }

    @Test
    void aUserWithAPasswordVariableBecomesScramPropertiesOfSpringKafkaAndTheBinder() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new MockPropertySource()
                        .withProperty("bulwark.kafka.username", "dump-worker")
                        .withProperty("bulwark.kafka.password-env", "KAFKA_PW"));
        new KafkaSecurityEnvironmentPostProcessor(SECRETS).postProcessEnvironment(env, new SpringApplication());
        for (String prefix :
                new String[] {"spring.kafka.properties.", "spring.cloud.stream.kafka.binder.configuration."}) {
            assertThat(env.getProperty(prefix + "security.protocol")).isEqualTo("SASL_PLAINTEXT");
            assertThat(env.getProperty(prefix + "sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
            assertThat(env.getProperty(prefix + "sasl.jaas.config"))
                    .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required"
                            + " username=\"dump-worker\" password=\"s3cr\\\"et\";");
        }
    }

    @Test
    void tlsAndATrustStoreMakeSaslSsl() {
        KafkaClientSecurity security = new KafkaClientSecurity("u", "p", "scram-sha-256", true, "/etc/ca.pem");
        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("ssl.truststore.location", "/etc/ca.pem")
                .containsEntry("ssl.truststore.type", "PEM");
        assertThat(security.toString()).doesNotContain("p,").doesNotContain("password");
    }

    @Test
    void aUserWithoutPasswordOrWithAnUnknownMechanismFailsTheStart() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(Map.of("bulwark.kafka.username", "u")::get, SECRETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password-file");
        assertThatThrownBy(() -> new KafkaClientSecurity("u", "p", "GSSAPI", false, null))
                .hasMessageContaining("mechanism");
        assertThatThrownBy(() -> KafkaClientSecurity.from(
                        Map.of("bulwark.kafka.username", "u", "bulwark.kafka.password-env", "UNSET")::get, SECRETS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UNSET");
    }
}
