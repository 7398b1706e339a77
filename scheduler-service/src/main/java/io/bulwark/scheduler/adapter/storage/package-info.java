/**
 * The object store through the artifacts module's {@link io.bulwark.artifacts.ObjectStore}: the scheduler only reads
 * the verifier's reports, each whole but never more than {@code bulwark.limits.report-size}.
 */
package io.bulwark.scheduler.adapter.storage;
