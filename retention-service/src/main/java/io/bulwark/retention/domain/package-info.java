/**
 * The retention rules, pure: which of a target's live backups to keep and which to expire, and
 * why. No Spring, Kafka or object-store code lives here, so the rules are unit-tested on plain
 * values.
 */
package io.bulwark.retention.domain;
