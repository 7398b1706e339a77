/**
 * The dump-worker service: consumes {@code BackupRequested}, streams {@code pg_dump} through zstd and
 * SHA-256 into the object store, writes the manifest last and emits {@code BackupCompleted} or
 * {@code BackupFailed}. Packages by role: {@code config}, {@code domain}, {@code application},
 * {@code adapter.messaging}.
 */
package io.bulwark.dumpworker;
