/**
 * Kafka through Spring Cloud Stream: the publishers of {@code BackupRequested}, {@code VerificationRequested} and
 * {@code RestoreRequested} ({@code StreamBridge} output bindings) and the consumer function beans that feed every
 * backup and restore topic into the projections. Payloads are read and written only with {@link
 * io.bulwark.contracts.EventJson}; an event that cannot be read goes to the topic's dead-letter topic.
 */
package io.bulwark.scheduler.adapter.messaging;
