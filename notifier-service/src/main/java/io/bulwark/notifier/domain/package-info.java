/**
 * The notification rules, pure: which events deserve a notification, with which severity and which
 * words. No Spring, Kafka or HTTP code lives here.
 */
package io.bulwark.notifier.domain;
