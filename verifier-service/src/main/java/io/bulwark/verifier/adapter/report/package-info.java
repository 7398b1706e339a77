/**
 * The verification report for a person: {@code verification.html}, rendered from the same {@link
 * io.bulwark.contracts.VerificationReport} as {@code verification.json} and stored next to it.
 */
package io.bulwark.verifier.adapter.report;
