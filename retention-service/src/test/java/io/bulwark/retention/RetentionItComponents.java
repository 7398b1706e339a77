package io.bulwark.retention;

import io.bulwark.embedded.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * The real components of one retention integration test class: S3Proxy on a temporary directory (bucket {@code
 * bulwark}) and a PostgreSQL database of its own on the machine's server ({@code 127.0.0.1:5432}, user {@code
 * postgres}, no password). {@link #start} registers them with Spring, together with target {@code chinook}
 * (engine {@code postgresql}) and a minimum partition count of 1 for the embedded broker; {@link #close} removes
 * them again.
 */
final class RetentionItComponents implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String database;
    private final Path s3Dir;
    private final S3ProxyServer s3;

    private RetentionItComponents(String database, Path s3Dir, S3ProxyServer s3) {
        this.database = database;
        this.s3Dir = s3Dir;
        this.s3 = s3;
    }

    /**
     * Starts S3Proxy, creates the database and registers both with Spring.
     *
     * @param prefix the start of the database's name, e.g. {@code retention_it_} (a random hex number follows); the
     *     temporary directory is named after it with dashes, e.g. {@code retention-it-s3}
     * @param registry the Spring test's dynamic properties
     * @return the started components, to {@link #close} after all tests
     * @throws IOException if the directory cannot be created or S3Proxy does not start
     * @throws SQLException if the database cannot be created
     */
    static RetentionItComponents start(String prefix, DynamicPropertyRegistry registry)
            throws IOException, SQLException {
        Path s3Dir = Files.createTempDirectory(prefix.replace('_', '-') + "s3");
        S3ProxyServer s3 = S3ProxyServer.start(s3Dir, "bulwark");
        String database =
                prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        admin("CREATE DATABASE " + database);
        registry.add("spring.datasource.url", () -> SERVER + database);
        registry.add("bulwark.storage.endpoint", s3::endpoint);
        registry.add("bulwark.storage.access-key", s3::accessKey);
        registry.add("bulwark.storage.secret-key", s3::secretKey);
        registry.add("bulwark.storage.bucket", s3::bucket);
        registry.add("bulwark.targets.chinook.engine", () -> "postgresql");
        registry.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "1");
        return new RetentionItComponents(database, s3Dir, s3);
    }

    /** @return the running S3Proxy */
    S3ProxyServer s3() {
        return s3;
    }

    /**
     * Stops S3Proxy, deletes its directory and drops the database.
     *
     * @throws SQLException if the database cannot be dropped
     */
    @Override
    public void close() throws SQLException {
        s3.close();
        FileSystemUtils.deleteRecursively(s3Dir.toFile());
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
