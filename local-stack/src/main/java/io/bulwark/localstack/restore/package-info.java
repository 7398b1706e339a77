/**
 * {@code bulwark restore}: the standalone disaster-recovery restore. With only the object store and the destination
 * server reachable (no Kafka, no Bulwark service) it finds a backup in the bucket, restores it into a real database
 * through the same restore pipeline the verifier runs ({@code io.bulwark.pipeline.ProvenRestore}), proves the result
 * against the backup's manifest and writes the report. No credential is ever taken from the command line.
 */
package io.bulwark.localstack.restore;
