/**
 * {@code scratch} sandboxes: a throwaway database created on a configured server and dropped on close; orphans older
 * than the orphan age are dropped at start-up.
 */
package io.bulwark.verifier.adapter.sandbox.scratch;
