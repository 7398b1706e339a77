/**
 * The notifier service: turns failed backups and verifications into notifications and delivers
 * them to the configured channels (a generic webhook, the log).
 */
package io.bulwark.notifier;
