/**
 * Kafka through Spring Cloud Stream: the {@code backupRequested} consumer function and the publisher
 * of {@code BackupCompleted}/{@code BackupFailed} (EventJson bytes as they are, key = target id,
 * CloudEvents {@code ce_*} headers).
 */
package io.bulwark.dumpworker.adapter.messaging;
