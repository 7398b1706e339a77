/**
 * PostgreSQL persistence of the backup and restore catalogs (schema {@code scheduler}, tables {@code backups}, {@code
 * restores} and {@code processed_events}) with Spring's {@code JdbcClient}; the schema is created by the Flyway
 * migrations under {@code db/migration}; and the transactions the projection runs in, on Spring's transaction
 * manager.
 */
package io.bulwark.scheduler.adapter.persistence;
