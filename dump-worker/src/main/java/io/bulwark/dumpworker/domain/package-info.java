/**
 * Pure rules of taking a backup: the targets the worker may dump and which failures are worth
 * another attempt. No Spring, Kafka or MinIO here.
 */
package io.bulwark.dumpworker.domain;
