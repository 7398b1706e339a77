/**
 * Typed, validated configuration ({@code bulwark.storage}, {@code bulwark.retention}, {@code
 * bulwark.targets.<id>.retention}, {@code bulwark.retention.object-lock}) and the wiring of the object store,
 * holds and deletion. A wrong setting fails
 * start-up with a message naming the property.
 */
package io.bulwark.retention.config;
