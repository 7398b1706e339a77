/**
 * Typed, validated configuration ({@code bulwark.storage}, {@code bulwark.retention}, {@code
 * bulwark.targets.<id>.retention}) and the wiring of the object store. A wrong setting fails
 * start-up with a message naming the property.
 */
package io.bulwark.retention.config;
