/**
 * The pure model of the scheduler: the backup lifecycle as an explicit state machine with an
 * allowed-transitions table ({@link io.bulwark.scheduler.domain.BackupLifecycle}), the projected
 * {@link io.bulwark.scheduler.domain.Backup} and the order-independent rules that fold events into it
 * ({@link io.bulwark.scheduler.domain.BackupProjector}), the projected {@link io.bulwark.scheduler.domain.Restore}
 * and its rules ({@link io.bulwark.scheduler.domain.RestoreProjector}), the database engines, and cron-field
 * normalization. Nothing here imports Spring, Kafka, MinIO or Jackson.
 */
package io.bulwark.scheduler.domain;
