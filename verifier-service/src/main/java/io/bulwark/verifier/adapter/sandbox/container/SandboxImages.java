package io.bulwark.verifier.adapter.sandbox.container;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which container image a {@code container} sandbox runs, chosen from the manifest's engine and the source server's
 * version: the release series of the source ({@code postgres:15} for PostgreSQL 15.20, {@code mariadb:10.11} for
 * MariaDB 10.11.14, {@code mysql:8.0} for MySQL 8.0.36), so that the sandbox is never older than the source.
 *
 * <p>The series follows each project's versioning: PostgreSQL 10 and later name a release by its major number
 * alone, 9.6 and earlier by the first two ("Versioning Policy", postgresql.org/support/versioning); MariaDB and MySQL
 * by the first two. A source version that names no series (an old manifest without one) gets {@code latest}: a
 * newer server restores older dumps.
 *
 * @param postgresql the image of PostgreSQL sources, with {@code {series}} for the series, e.g. {@code postgres:{series}}
 * @param mariadb the image of MariaDB sources, e.g. {@code mariadb:{series}}
 * @param mysql the image of MySQL sources (a version without {@code MariaDB} in it), e.g. {@code mysql:{series}}
 */
public record SandboxImages(String postgresql, String mariadb, String mysql) {

    /** The placeholder replaced by the source's release series. */
    public static final String SERIES = "{series}";

    /** The official Docker Hub images, one tag per release series. */
    public static final SandboxImages DEFAULT =
            new SandboxImages("postgres:" + SERIES, "mariadb:" + SERIES, "mysql:" + SERIES);

    private static final Pattern LEADING_VERSION = Pattern.compile("^\\s*(\\d+)(?:\\.(\\d+))?");

    /** @throws IllegalArgumentException when an image is blank */
    public SandboxImages {
        requireImage(postgresql, "postgresql-image");
        requireImage(mariadb, "mariadb-image");
        requireImage(mysql, "mysql-image");
    }

    /**
     * The image for a source of {@code engine} ({@code postgresql}, or {@code mariadb}/{@code mysql}) at {@code
     * sourceVersion} (as the manifest records it, e.g. {@code 15.20} or {@code 10.11.14-MariaDB-0+deb12u2}).
     */
    public String imageFor(String engine, String sourceVersion) {
        String lower = engine == null ? "postgresql" : engine.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres")) {
            return postgresql.replace(SERIES, postgresSeries(sourceVersion));
        }
        boolean mysqlSource = "mysql".equals(lower)
                || (sourceVersion != null
                        && !sourceVersion.isBlank()
                        && !sourceVersion.toLowerCase(Locale.ROOT).contains("mariadb"));
        return (mysqlSource ? mysql : mariadb).replace(SERIES, twoPartSeries(sourceVersion));
    }

    /** {@code 15} for {@code 15.20}, {@code 9.6} for {@code 9.6.24}, {@code latest} when there is no version. */
    static String postgresSeries(String version) {
        Matcher m = LEADING_VERSION.matcher(version == null ? "" : version);
        if (!m.find()) {
            return "latest";
        }
        int major = Integer.parseInt(m.group(1));
        return major >= 10 || m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    /** {@code 10.11} for {@code 10.11.14-MariaDB}, {@code 8.0} for {@code 8.0.36}, {@code latest} without one. */
    static String twoPartSeries(String version) {
        Matcher m = LEADING_VERSION.matcher(version == null ? "" : version);
        if (!m.find()) {
            return "latest";
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    private static void requireImage(String image, String property) {
        if (Objects.requireNonNullElse(image, "").isBlank()) {
            throw new IllegalArgumentException("bulwark.verifier.sandbox.container." + property + " must not be blank");
        }
    }
}
