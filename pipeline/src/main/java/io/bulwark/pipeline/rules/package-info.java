/**
 * The rules that judge a restored copy against its manifest and the source's own state at dump time: pure functions,
 * one {@link io.bulwark.contracts.CheckResult} each, grouped by what they judge (the artifact, the comparison with the
 * manifest, consistency, the target's own checks), and how checks add up to an outcome ({@link
 * io.bulwark.pipeline.rules.Checks}). No I/O, no framework.
 */
package io.bulwark.pipeline.rules;
