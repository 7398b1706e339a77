/**
 * Sandbox adapters, one provider per engine and kind behind {@link
 * io.bulwark.verifier.adapter.sandbox.EngineSandboxProvider}: {@code local}, an ephemeral PostgreSQL or MariaDB
 * server started from the machine's binaries; {@code container}, the official image of the source's release series
 * started with Testcontainers ({@link io.bulwark.verifier.adapter.sandbox.SandboxContainers}); {@code scratch}, a
 * throwaway database created on a configured server and dropped on close. Every kind restores and inspects through
 * the same sandbox classes over a {@code SandboxServer}.
 */
package io.bulwark.verifier.adapter.sandbox;
