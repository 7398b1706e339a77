/**
 * The artifact's codec chain: what happens to the dump tool's output before it is stored, and how a
 * reader undoes it. {@link io.bulwark.artifacts.codec.CodecChain} names the chain (compression with
 * {@link io.bulwark.artifacts.codec.Compression}, then optional OpenPGP encryption with {@link
 * io.bulwark.artifacts.codec.OpenPgpEncryption}) and builds its encoder; {@link
 * io.bulwark.artifacts.codec.ArtifactDecoder} undoes a chain recorded in {@link
 * io.bulwark.contracts.ArtifactRef#codecs()} with the keys of {@link
 * io.bulwark.artifacts.codec.DecryptionKeys}. Every stage is a standard format that ordinary tools
 * read ({@code zstd -d}, {@code gzip -d}, {@code gpg --decrypt}), so restoring needs nothing from
 * Bulwark.
 */
package io.bulwark.artifacts.codec;
