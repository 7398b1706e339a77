/**
 * Micrometer adapter of the verifier's {@link io.bulwark.verifier.application.VerifierMetrics} port.
 */
package io.bulwark.verifier.adapter.metrics;
