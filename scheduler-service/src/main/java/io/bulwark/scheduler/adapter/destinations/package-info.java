/**
 * The restore pre-check's reach into destination servers: the {@link
 * io.bulwark.scheduler.application.DestinationProbe} port implemented with the engines' restore adapters (PostgreSQL
 * and MariaDB over JDBC), passwords read from their configured variable or file.
 */
package io.bulwark.scheduler.adapter.destinations;
