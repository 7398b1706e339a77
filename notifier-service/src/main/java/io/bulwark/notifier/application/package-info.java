/**
 * The notifier's use case ({@link io.bulwark.notifier.application.SendNotifications}) and its port
 * {@link io.bulwark.notifier.application.NotificationChannel}, one adapter per technology.
 */
package io.bulwark.notifier.application;
