/**
 * Typed, validated configuration: the targets and their schedules ({@code bulwark.targets.<id>.*}) and the restore
 * destinations ({@code bulwark.restore.destinations.<id>.*}), read from the configuration file shared by all
 * services, and the wiring of the scheduler's own beans. A wrong setting fails start-up with a message naming the
 * property.
 */
package io.bulwark.scheduler.config;
