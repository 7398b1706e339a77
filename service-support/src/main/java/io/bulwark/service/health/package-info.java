/**
 * Health indicators the services share: {@link io.bulwark.service.health.ObjectStoreHealthIndicator} (the object
 * store's bucket answers within a short timeout), part of the readiness group of the services that read or write
 * artifacts.
 */
package io.bulwark.service.health;
