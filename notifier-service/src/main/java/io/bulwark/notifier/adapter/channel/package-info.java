/**
 * The notification channels, one adapter per technology: {@link
 * io.bulwark.notifier.adapter.channel.WebhookChannel} (JSON POST, HMAC-SHA256 signature) and {@link
 * io.bulwark.notifier.adapter.channel.LogChannel} (one log line per notification).
 */
package io.bulwark.notifier.adapter.channel;
