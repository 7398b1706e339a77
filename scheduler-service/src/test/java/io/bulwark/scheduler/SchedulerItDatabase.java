package io.bulwark.scheduler;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL database of one scheduler integration test class: a name of its own (the given prefix and a random
 * hex suffix) on the machine's server ({@code BULWARK_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/},
 * user {@code postgres}, no password), created when the test registers its Spring properties and dropped by
 * {@link Drop} after Spring closed the application.
 *
 * <p>Use: a {@code static final SchedulerItDatabase} field, {@link #register} in the {@code @DynamicPropertySource}
 * method, and {@link SchedulerIntegrationTest} on the class, which declares {@link Drop} before {@code
 * SpringBootTest}, so JUnit runs the drop after Spring's after-all callback (which closes a {@code @DirtiesContext}
 * application).
 */
final class SchedulerItDatabase {

    /** The JDBC URL of the server, ending in {@code /}; a database name is appended. */
    static final String PG = System.getenv().getOrDefault("BULWARK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

    private final String name;

    /**
     * A database not yet created, named {@code prefix} followed by a random hex number.
     *
     * @param prefix the start of the name, e.g. {@code metrics_scheduler_it_}
     */
    SchedulerItDatabase(String prefix) {
        this.name = prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** @return the database's name */
    String name() {
        return name;
    }

    /** @return the JDBC URL of this database */
    String url() {
        return PG + name;
    }

    /**
     * Creates the database, points the application's data source at it and registers the {@link ApiClient} tokens.
     *
     * @param registry the Spring test's dynamic properties
     * @throws SQLException if the database cannot be created
     */
    void register(DynamicPropertyRegistry registry) throws SQLException {
        registerDataSource(registry);
        ApiClient.registerTokens(registry);
    }

    /**
     * Creates the database and points the application's data source at it; registers no API tokens.
     *
     * @param registry the Spring test's dynamic properties
     * @throws SQLException if the database cannot be created
     */
    void registerDataSource(DynamicPropertyRegistry registry) throws SQLException {
        admin("create database " + name);
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    /**
     * Drops the database, closing its remaining connections; does nothing if it does not exist.
     *
     * @throws SQLException if the server refuses
     */
    void drop() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }

    /**
     * Opens a connection to this database as {@code postgres}.
     *
     * @return a connection the caller closes
     * @throws SQLException if the database cannot be reached
     */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /**
     * Runs one statement in the server's {@code postgres} database as user {@code postgres}.
     *
     * @param sql the statement, e.g. {@code create database x}
     * @throws SQLException if it fails
     */
    static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Drops the database of every static {@code SchedulerItDatabase} field of the test class after all its tests.
     * Declare it before {@code @SpringBootTest}, so it runs after Spring closed the application.
     */
    static final class Drop implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == SchedulerItDatabase.class) {
                    field.setAccessible(true);
                    SchedulerItDatabase database = (SchedulerItDatabase) field.get(null);
                    if (database != null) {
                        database.drop();
                    }
                }
            }
        }
    }
}
