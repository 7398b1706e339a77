/**
 * The {@link io.bulwark.dumpworker.application.RunDump} use case (request in, artifact and manifest
 * stored, {@code BackupCompleted} or {@code BackupFailed} out) and the ports it needs.
 */
package io.bulwark.dumpworker.application;
