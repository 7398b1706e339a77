/**
 * Kafka through Spring Cloud Stream: the consumer functions of {@code bulwark.backup.failed},
 * {@code bulwark.backup.verified} and {@code bulwark.backup.deleted} (raw JSON bytes decoded with
 * {@code EventJson}).
 */
package io.bulwark.notifier.adapter.messaging;
