/**
 * The components the local stack ({@code ./bulwark}) runs on one machine, in its own JVM, without Docker: a
 * single-node Apache Kafka broker in KRaft mode ({@link io.bulwark.embedded.KafkaKraftBroker}), an S3 server storing
 * objects in a folder ({@link io.bulwark.embedded.S3ProxyServer}), databases on a running PostgreSQL server with the
 * Chinook sample database ({@link io.bulwark.embedded.PostgresDatabases}), plain Kafka clients that send and read
 * Bulwark events ({@link io.bulwark.embedded.KafkaEventClients}), free TCP ports ({@link
 * io.bulwark.embedded.FreePorts}) and quieter logging for the embedded libraries ({@link
 * io.bulwark.embedded.QuietLogging}).
 *
 * <p>This is shipped code: the local stack depends on it at run time, and integration tests use the same classes
 * (through {@code test-support}). Nothing here is a mock: every class starts or talks to the real thing on
 * 127.0.0.1. Nothing here may depend on {@code test-support}.
 */
package io.bulwark.embedded;
