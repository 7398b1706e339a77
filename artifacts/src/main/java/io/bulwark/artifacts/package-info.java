/**
 * The artifact format: the object-key layout, the manifest, the capture of a dump (its codec chain,
 * from {@link io.bulwark.artifacts.codec}, run on a pump thread, with SHA-256 of both sides) and the
 * object store behind the MinIO SDK.
 */
package io.bulwark.artifacts;
