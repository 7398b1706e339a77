/**
 * The embedded default ({@code ./bulwark demo}, {@code ./bulwark up}): starts a real Kafka broker (KRaft), an S3 server
 * (S3Proxy on a folder) and PostgreSQL in this JVM or as local processes, writes the shared configuration file, runs
 * the five services as child JVMs, and drives a backup through them via the scheduler's REST API. The broker, the S3
 * server and the database helpers come from {@code io.bulwark.embedded} (module {@code embedded}); nothing here
 * depends on {@code test-support}.
 */
package io.bulwark.localstack;
