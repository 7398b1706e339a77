/**
 * Configuration of the verifier: typed properties ({@code bulwark.storage.*}, {@code
 * bulwark.verifier.sandbox.*}) and the wiring of the use case to its adapters.
 */
package io.bulwark.verifier.config;
