package io.bulwark.localstack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API is and which token to send, resolved flag first, then environment, then {@code .bulwark/up.json}:
 *
 * <ul>
 *   <li>API URL: {@code --url}, else env {@value #URL_ENV}, else up.json's {@code api}
 *   <li>token: the file {@code --token-file}, else env {@value #TOKEN_ENV}, else the file up.json's {@code tokenFile}
 *       names
 *   <li>retention service URL: {@code --retention-url}, else env {@value #RETENTION_URL_ENV}, else up.json's {@code
 *       retention}
 * </ul>
 *
 * up.json is looked for in {@code <working dir>/.bulwark/}, then in {@code $BULWARK_HOME/.bulwark/}.
 *
 * @param apiUrl the scheduler's base URL
 * @param token the token, or null when none was found (the API then answers 401)
 * @param retentionUrl the retention service's base URL, or null when unknown
 */
public record Connection(String apiUrl, String token, String retentionUrl) {

    /** The environment variable naming the API's URL. */
    public static final String URL_ENV = "BULWARK_URL";
    /** The environment variable holding the token itself. */
    public static final String TOKEN_ENV = "BULWARK_TOKEN";
    /** The environment variable naming the retention service's URL. */
    public static final String RETENTION_URL_ENV = "BULWARK_RETENTION_URL";
    /** The environment variable naming the folder whose {@code .bulwark/up.json} is read second. */
    public static final String HOME_ENV = "BULWARK_HOME";

    /** This connection without its token, fit for messages. */
    @Override
    public String toString() {
        return "Connection[apiUrl=" + apiUrl + ", token=" + (token == null ? "none" : "***") + ", retentionUrl="
                + retentionUrl + "]";
    }

    /**
     * Resolves a connection.
     *
     * @param urlFlag {@code --url}, or null
     * @param tokenFileFlag {@code --token-file}, or null
     * @param retentionFlag {@code --retention-url}, or null
     * @param env the environment
     * @param workDir the working folder
     * @throws CliException ({@link CliExit#USAGE}) when no API URL is known, or a token file cannot be read
     */
    public static Connection resolve(
            String urlFlag, Path tokenFileFlag, String retentionFlag, Map<String, String> env, Path workDir) {
        Optional<UpFile> up = upFile(env, workDir);
        String url = first(urlFlag, env.get(URL_ENV), up.map(UpFile::api).orElse(null));
        if (url == null) {
            throw CliException.usage("no API URL: pass --url, set " + URL_ENV
                    + ", or start the stack with `./bulwark up` (it writes .bulwark/up.json)");
        }
        String token;
        if (tokenFileFlag != null) {
            token = readToken(tokenFileFlag);
        } else if (blankToNull(env.get(TOKEN_ENV)) != null) {
            token = env.get(TOKEN_ENV).strip();
        } else {
            token = up.map(UpFile::tokenFile)
                    .filter(f -> !f.isBlank())
                    .map(Path::of)
                    .filter(Files::isRegularFile)
                    .map(Connection::readToken)
                    .orElse(null);
        }
        String retention = first(
                retentionFlag,
                env.get(RETENTION_URL_ENV),
                up.map(UpFile::retention).orElse(null));
        return new Connection(url, token, retention);
    }

    /** The up.json found first: in {@code workDir/.bulwark/}, then in {@code $BULWARK_HOME/.bulwark/}. */
    static Optional<UpFile> upFile(Map<String, String> env, Path workDir) {
        try {
            Optional<UpFile> local = UpFile.read(UpFile.in(workDir));
            if (local.isPresent()) {
                return local;
            }
            String home = blankToNull(env.get(HOME_ENV));
            return home == null ? Optional.empty() : UpFile.read(UpFile.in(Path.of(home)));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private static String readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? null : token;
        } catch (IOException e) {
            throw CliException.usage("cannot read the token file " + file + ": " + e.getMessage());
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (blankToNull(value) != null) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
