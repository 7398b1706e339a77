/**
 * The embedded default ({@code ./bulwark demo}, {@code ./bulwark up}): starts a real Kafka broker (KRaft), an S3 server
 * (S3Proxy on a folder) and PostgreSQL in this JVM or as local processes, writes the shared configuration file, runs
 * the five services as child JVMs, and drives a backup through them via the scheduler's REST API.
 */
package io.bulwark.localstack;
