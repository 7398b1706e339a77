/**
 * Sandbox adapters: the {@code local} sandbox, an ephemeral PostgreSQL server started from the
 * machine's binaries ({@code initdb} + {@code pg_ctl}) into which {@code pg_restore} streams the
 * artifact.
 */
package io.bulwark.verifier.adapter.sandbox;
