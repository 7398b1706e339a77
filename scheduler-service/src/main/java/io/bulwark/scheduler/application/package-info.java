/**
 * Use cases of the scheduler: requesting a backup (by hand or by a schedule), projecting the events
 * of every topic into the backup catalog, and reading that catalog; plus the ports they need ({@link
 * io.bulwark.scheduler.application.BackupCatalog}, {@link
 * io.bulwark.scheduler.application.BackupRequestPublisher}).
 */
package io.bulwark.scheduler.application;
