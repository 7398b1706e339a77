/**
 * The backup catalog in PostgreSQL (schema {@code retention}, Flyway migrations under {@code
 * db/migration}), written with Spring's {@code JdbcClient}.
 */
package io.bulwark.retention.adapter.persistence;
