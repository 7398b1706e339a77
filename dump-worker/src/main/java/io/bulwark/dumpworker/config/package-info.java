/**
 * Typed configuration of the dump-worker ({@code bulwark.storage}, {@code bulwark.targets},
 * {@code bulwark.dump-worker}) and the wiring of the object store, the dump tool and the use case.
 */
package io.bulwark.dumpworker.config;
