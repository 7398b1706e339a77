/**
 * Micrometer adapter of the scheduler's gauges: {@link io.bulwark.scheduler.application.BackupGauges} refreshed on a
 * thread of its own and shown as Prometheus gauges.
 */
package io.bulwark.scheduler.adapter.metrics;
