package io.bulwark.artifacts.codec;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The OpenPGP test keys of {@code src/test/resources/openpgp} (see its README). */
final class TestKeys {

    /** The passphrase protecting {@code protected.sec.asc}. */
    static final char[] KEY_PASSPHRASE = "key passphrase".toCharArray();

    private TestKeys() {}

    static Path file(String name) {
        URL url = TestKeys.class.getResource("/openpgp/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test key " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static OpenPgpEncryption to(String... publicKeyFiles) {
        return OpenPgpEncryption.toRecipients(
                List.of(publicKeyFiles).stream().map(TestKeys::file).toList());
    }

    static DecryptionKeys secret(String secretKeyFile) {
        return DecryptionKeys.ofSecretKeyFile(file(secretKeyFile), null);
    }
}
