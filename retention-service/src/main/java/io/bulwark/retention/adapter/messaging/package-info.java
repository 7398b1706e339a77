/**
 * Kafka through Spring Cloud Stream: the {@code backupVerified} consumer function (raw JSON bytes
 * decoded with {@code EventJson}) and the {@code BackupDeleted} publisher ({@code StreamBridge},
 * key = target id, CloudEvents headers).
 */
package io.bulwark.retention.adapter.messaging;
