package io.bulwark.artifacts.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.PGPSessionKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.SessionKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcSessionKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JceSessionKeyDataDecryptorFactoryBuilder;

/**
 * Opens an OpenPGP message (RFC 4880 section 11.3), binary or armored, as {@code gpg --decrypt} does:
 * finds a session key through the recipients' keys or the passphrases, decrypts, descends into
 * Compressed Data (gpg compresses by default), skips signatures, and returns the Literal Data,
 * checking the Modification Detection Code when that ends.
 */
final class OpenPgpDecoder {

    private static final Set<Integer> JDK_CIPHERS = Set.of(
            SymmetricKeyAlgorithmTags.AES_128, SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_256);

    private OpenPgpDecoder() {}

    /**
     * The literal data of the message read from {@code in}. Reads the session key packets and the start
     * of the encrypted data now.
     *
     * @throws DecryptionException when none of {@code keys} opens the message
     * @throws CorruptArtifactException when it is not an encrypted OpenPGP message, not integrity
     *     protected, or malformed
     * @throws IOException when reading {@code in} fails
     */
    static InputStream open(InputStream in, DecryptionKeys keys) throws IOException {
        PGPObjectFactory outer = new PGPObjectFactory(PGPUtil.getDecoderStream(in), OpenPgpKeys.FINGERPRINTS);
        Object first = next(outer);
        if (!(first instanceof PGPEncryptedDataList list)) {
            throw new CorruptArtifactException(
                    "openpgp: expected an encrypted message (RFC 4880 section 11.3) but found "
                            + (first == null ? "nothing (the artifact is empty)" : kind(first)),
                    null);
        }
        if (!list.isIntegrityProtected()) {
            throw new CorruptArtifactException(
                    "openpgp: the message is encrypted without integrity protection (a Symmetrically Encrypted"
                            + " Data packet, RFC 4880 section 5.7); refused, as gpg 2.2 refuses it",
                    null);
        }
        Opened opened = decrypt(list, keys);
        PGPObjectFactory factory = new PGPObjectFactory(opened.clear(), OpenPgpKeys.FINGERPRINTS);
        Object content = next(factory);
        while (!(content instanceof PGPLiteralData)) {
            if (content instanceof PGPCompressedData compressed) {
                try {
                    factory = new PGPObjectFactory(compressed.getDataStream(), OpenPgpKeys.FINGERPRINTS);
                } catch (PGPException e) {
                    throw new CorruptArtifactException("openpgp: compressed data unreadable: " + e.getMessage(), e);
                }
                content = next(factory);
            } else if (content instanceof PGPOnePassSignatureList || content instanceof PGPSignatureList) {
                content = next(factory);
            } else {
                throw new CorruptArtifactException(
                        "openpgp: the decrypted message holds " + (content == null ? "nothing" : kind(content))
                                + " instead of literal data",
                        null);
            }
        }
        return new VerifyingStream(((PGPLiteralData) content).getInputStream(), opened.data(), in);
    }

    private record Opened(PGPEncryptedData data, InputStream clear) {}

    private static Opened decrypt(PGPEncryptedDataList list, DecryptionKeys keys) throws IOException {
        Set<String> recipients = new LinkedHashSet<>();
        List<PGPPBEEncryptedData> withPassphrase = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean anyKeyMatched = false;
        for (PGPEncryptedData encrypted : list) {
            if (encrypted instanceof PGPPublicKeyEncryptedData toKey) {
                recipients.add(OpenPgpKeys.keyId(toKey.getKeyIdentifier()));
                List<PGPPrivateKey> candidates = keys.privateKeysFor(toKey.getKeyIdentifier());
                anyKeyMatched |= !candidates.isEmpty();
                for (PGPPrivateKey key : candidates) {
                    PGPSessionKey sessionKey;
                    try {
                        sessionKey = toKey.getSessionKey(new BcPublicKeyDataDecryptorFactory(key));
                    } catch (PGPException | RuntimeException e) {
                        problems.add("secret key " + OpenPgpKeys.keyId(key.getKeyID())
                                + " does not decrypt the session key: " + e.getMessage());
                        continue;
                    }
                    Opened opened = open(list, sessionKey);
                    if (opened != null) {
                        return opened;
                    }
                    problems.add("the session key decrypted with " + OpenPgpKeys.keyId(key.getKeyID())
                            + " does not open the data");
                }
            } else if (encrypted instanceof PGPPBEEncryptedData pbe) {
                withPassphrase.add(pbe);
            }
        }
        for (PGPPBEEncryptedData pbe : withPassphrase) {
            for (char[] passphrase : keys.passphrases()) {
                PGPSessionKey sessionKey;
                try {
                    sessionKey = pbe.getSessionKey(new BcPBEDataDecryptorFactory(passphrase, OpenPgpKeys.DIGESTS));
                } catch (PGPException | RuntimeException e) {
                    continue;
                }
                Opened opened = open(list, sessionKey);
                if (opened != null) {
                    return opened;
                }
            }
        }
        if (!recipients.isEmpty() && !anyKeyMatched && (withPassphrase.isEmpty() || keys.passphraseCount() == 0)) {
            throw DecryptionException.noKeyForRecipients(
                    List.copyOf(recipients), whyNot(recipients, withPassphrase.size(), keys, problems));
        }
        throw new DecryptionException(whyNot(recipients, withPassphrase.size(), keys, problems), null);
    }

    /** The data decrypted with {@code sessionKey}, or null when its quick check (RFC 4880 section 5.13) fails. */
    private static Opened open(PGPEncryptedDataList list, PGPSessionKey sessionKey) throws IOException {
        SessionKeyDataDecryptorFactory factory = JDK_CIPHERS.contains(sessionKey.getAlgorithm())
                ? new JceSessionKeyDataDecryptorFactoryBuilder().build(sessionKey)
                : new BcSessionKeyDataDecryptorFactory(sessionKey);
        PGPSessionKeyEncryptedData data = list.extractSessionKeyEncryptedData();
        try {
            return new Opened(data, data.getDataStream(factory));
        } catch (PGPException | RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            return null;
        }
    }

    private static String whyNot(
            Set<String> recipients, int passphraseSlots, DecryptionKeys keys, List<String> problems) {
        List<String> parts = new ArrayList<>();
        if (!recipients.isEmpty()) {
            parts.add((keys.secretKeyIds().isEmpty() ? "no secret key given" : "no secret key " + keys.secretKeyIds())
                    + " for any of the recipients " + String.join(", ", recipients));
        }
        if (passphraseSlots > 0) {
            parts.add(
                    keys.passphraseCount() == 0
                            ? "the artifact is encrypted with a passphrase, but none was given"
                            : "wrong passphrase: none of the " + keys.passphraseCount()
                                    + " passphrase(s) given opens the artifact");
        } else if (keys.passphraseCount() > 0) {
            parts.add("the artifact is not encrypted with a passphrase");
        }
        if (recipients.isEmpty() && passphraseSlots == 0) {
            parts.add("the message names no recipient and no passphrase");
        }
        parts.addAll(problems);
        return "openpgp: cannot decrypt: " + String.join("; ", parts);
    }

    private static Object next(PGPObjectFactory factory) throws IOException {
        Object object;
        do {
            object = factory.nextObject();
        } while (object instanceof PGPMarker);
        return object;
    }

    private static String kind(Object packet) {
        return switch (packet) {
            case PGPLiteralData ignored -> "unencrypted literal data";
            case PGPCompressedData ignored -> "unencrypted compressed data";
            case PGPOnePassSignatureList ignored -> "a signed, unencrypted message";
            case PGPSignatureList ignored -> "a detached signature";
            default -> packet.getClass().getSimpleName();
        };
    }

    /**
     * The literal data; at its end, the rest of the encrypted data is read and its Modification Detection
     * Code (RFC 4880 section 5.14) checked. Closing closes the message's source.
     */
    private static final class VerifyingStream extends InputStream {
        private final InputStream literal;
        private final PGPEncryptedData data;
        private final InputStream source;
        private boolean verified;

        VerifyingStream(InputStream literal, PGPEncryptedData data, InputStream source) {
            this.literal = literal;
            this.data = data;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = literal.read();
            if (b < 0) {
                verify();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = literal.read(b, off, len);
            if (n < 0) {
                verify();
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return literal.available();
        }

        private void verify() throws IOException {
            if (verified) {
                return;
            }
            boolean intact;
            try {
                intact = data.verify();
            } catch (PGPException e) {
                throw new CorruptArtifactException("openpgp: integrity check failed: " + e.getMessage(), e);
            }
            if (!intact) {
                throw new CorruptArtifactException(
                        "openpgp: integrity check failed: the Modification Detection Code (RFC 4880 section 5.14)"
                                + " does not match, the artifact was modified or damaged",
                        null);
            }
            verified = true;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
