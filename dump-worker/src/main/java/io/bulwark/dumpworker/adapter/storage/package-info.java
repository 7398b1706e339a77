/**
 * Object-store adapters of the dump-worker: the circuit-breaking decorator every store call goes
 * through, and the attempt ledger kept in the store.
 */
package io.bulwark.dumpworker.adapter.storage;
