/** Object-store adapters: the ledger of running restores. */
package io.bulwark.verifier.adapter.storage;
