/**
 * Time-driven work: the periodic retention sweep over every target, which also retries deletions
 * that failed while no new event arrived for a target.
 */
package io.bulwark.retention.adapter.scheduling;
