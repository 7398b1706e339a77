/**
 * How the services authenticate to Kafka: {@code bulwark.kafka.*} (user, password file or variable, SASL mechanism,
 * TLS) turned into the Kafka clients' {@code security.protocol}, {@code sasl.*} and {@code ssl.truststore.*}.
 */
package io.bulwark.service.kafka;
