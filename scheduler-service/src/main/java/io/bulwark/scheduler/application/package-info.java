/**
 * Use cases of the scheduler: requesting a backup (by hand or by a schedule), a verification or a restore (with the
 * pre-check of the restore's destination), projecting the events of every topic into the backup and restore
 * catalogs, and reading those catalogs; plus the ports they need ({@link
 * io.bulwark.scheduler.application.BackupCatalog}, {@link io.bulwark.scheduler.application.RestoreCatalog}, {@link
 * io.bulwark.scheduler.application.BackupRequestPublisher}, {@link
 * io.bulwark.scheduler.application.RestoreRequestPublisher}, {@link
 * io.bulwark.scheduler.application.VerificationRequestPublisher}, {@link
 * io.bulwark.scheduler.application.DestinationProbe}, {@link io.bulwark.scheduler.application.ConfiguredTargets},
 * {@link io.bulwark.scheduler.application.Transactions}). No Spring here: {@code config} creates the use cases as
 * beans, adapters implement the ports.
 */
package io.bulwark.scheduler.application;
