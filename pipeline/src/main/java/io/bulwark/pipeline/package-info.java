/**
 * The one restore pipeline that verification and restore share: the {@link io.bulwark.pipeline.ArtifactReader}
 * (object store, SHA-256, OpenPGP, zstd/gzip), the {@link io.bulwark.pipeline.RestoreStep} (the engine's restore
 * port), the {@link io.bulwark.pipeline.CheckPipeline} (the engine's inspect port against the manifest) and the
 * {@link io.bulwark.pipeline.ReportStore}. A verification points it at a throwaway sandbox; a restore at a real
 * database, prepared by the {@link io.bulwark.pipeline.DestinationPreparer} and run whole by {@link
 * io.bulwark.pipeline.ProvenRestore}. No Spring, no Kafka: the verifier-service and the standalone {@code ./bulwark
 * restore} run the same code.
 */
package io.bulwark.pipeline;
