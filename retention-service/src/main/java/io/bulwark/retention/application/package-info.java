/**
 * The retention use cases ({@link io.bulwark.retention.application.RecordVerification}, {@link
 * io.bulwark.retention.application.ExpireBackups}) and the ports they need: the backup catalog, the
 * publisher of {@code BackupDeleted} and the per-target policies. The object store port is {@link
 * io.bulwark.artifacts.ObjectStore} from the artifacts module.
 */
package io.bulwark.retention.application;
