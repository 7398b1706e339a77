/**
 * The scheduler-service: targets and schedules from configuration, manual requests through the REST
 * API, and the catalog of every backup projected from the events of all topics. Packages by role:
 * {@code config}, {@code domain}, {@code application}, {@code adapter.*}.
 */
package io.bulwark.scheduler;
