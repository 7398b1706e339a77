/**
 * Micrometer adapter of the dump-worker's {@link io.bulwark.dumpworker.application.BackupMetrics} port.
 */
package io.bulwark.dumpworker.adapter.metrics;
