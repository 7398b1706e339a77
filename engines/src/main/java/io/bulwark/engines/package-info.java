/**
 * Database engine adapters: dump, restore and inspect (schema inventory, exact row counts) for
 * PostgreSQL and MySQL/MariaDB, driving the engines' own tools through {@link
 * io.bulwark.engines.process.ProcessRunner}.
 */
package io.bulwark.engines;
