/**
 * The notification channels, one adapter per technology: {@link io.bulwark.notifier.adapter.channel.EmailChannel}
 * (SMTP, plain text and HTML), {@link io.bulwark.notifier.adapter.channel.SlackChannel} (Block Kit), {@link
 * io.bulwark.notifier.adapter.channel.TeamsChannel} (Adaptive Card), {@link
 * io.bulwark.notifier.adapter.channel.DiscordChannel} (embed), {@link
 * io.bulwark.notifier.adapter.channel.WebhookChannel} (JSON POST, HMAC-SHA256 signature) and {@link
 * io.bulwark.notifier.adapter.channel.LogChannel} (one log line per notification); {@link
 * io.bulwark.notifier.adapter.channel.ResilientChannel} puts retry and a circuit breaker around each.
 */
package io.bulwark.notifier.adapter.channel;
