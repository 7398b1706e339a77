/**
 * The events Bulwark services exchange over Kafka, their topic and header names, and the JSON codec.
 *
 * <p>Records are named in the past tense, carry {@code eventId}, {@code occurredAt}, {@code
 * schemaVersion} and their subject id, and only grow: a new field is nullable or has a default. The
 * JSON Schema of every event ships in {@code schemas/} on the classpath, so another system can
 * publish a {@link io.bulwark.contracts.BackupRequested} without any Bulwark code.
 */
package io.bulwark.contracts;
