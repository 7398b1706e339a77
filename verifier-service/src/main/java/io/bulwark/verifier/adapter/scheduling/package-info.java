/** Timed work: the sweep that ends restores interrupted by a verifier that died. */
package io.bulwark.verifier.adapter.scheduling;
