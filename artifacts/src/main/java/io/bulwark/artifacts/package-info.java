/**
 * The artifact format: the object-key layout, the manifest, the streaming codec chain (compression,
 * SHA-256) and the object store behind the MinIO SDK.
 */
package io.bulwark.artifacts;
