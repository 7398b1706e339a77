/**
 * Sandbox adapters: where a verification restores. One {@link io.bulwark.verifier.adapter.sandbox.PostgresSandbox} and
 * one {@link io.bulwark.verifier.adapter.sandbox.MariaDbSandbox} class serve every kind, each a database on a {@link
 * io.bulwark.verifier.adapter.sandbox.SandboxServer} restored into and read through the engines' restore and inspect
 * ports; the kinds live in their own packages: {@code local} (an ephemeral server from the machine's binaries), {@code
 * container} (the official image of the source's release series, with Testcontainers) and {@code scratch} (a
 * throwaway database on a configured server). {@link io.bulwark.verifier.adapter.sandbox.EngineSandboxProvider} picks
 * the provider of the source's engine.
 */
package io.bulwark.verifier.adapter.sandbox;
