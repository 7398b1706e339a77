/**
 * PostgreSQL: connection settings ({@link io.bulwark.engines.postgres.PostgresConnectionSpec}), the
 * schema inventory with exact row counts ({@link io.bulwark.engines.postgres.PostgresInspector}), a
 * consistent {@code pg_dump} at an exported snapshot ({@link io.bulwark.engines.postgres.PgDumpTool}),
 * the mapping of driver and tool errors to failure reasons, {@code pg_restore} and throwaway local
 * instances.
 */
package io.bulwark.engines.postgres;
