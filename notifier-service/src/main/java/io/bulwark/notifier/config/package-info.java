/**
 * Typed, validated configuration ({@code bulwark.notifier.*}) and the wiring of the rule, the
 * channels and the use case. A wrong setting fails start-up with a message naming the property.
 */
package io.bulwark.notifier.config;
