/**
 * Kafka through Spring Cloud Stream: the publisher of {@code BackupRequested} (a {@code StreamBridge}
 * output binding) and the five consumer function beans that feed every event topic into the
 * projection. Payloads are read and written only with {@link io.bulwark.contracts.EventJson}; an
 * event that cannot be read goes to the topic's dead-letter topic.
 */
package io.bulwark.scheduler.adapter.messaging;
