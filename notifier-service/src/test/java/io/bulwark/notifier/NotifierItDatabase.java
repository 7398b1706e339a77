package io.bulwark.notifier;

import io.bulwark.embedded.PostgresDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A throwaway PostgreSQL database for one notifier integration test class: created, registered, dropped. */
public final class NotifierItDatabase {

    private static final PostgresDatabases POSTGRES = PostgresDatabases.local();

    private final String name;

    private NotifierItDatabase(String name) {
        this.name = name;
    }

    /**
     * Creates a database named {@code <prefix>_<random hex>} and registers it as {@code spring.datasource.*}.
     *
     * @param prefix e.g. {@code notifier_it}
     * @param registry the test's dynamic properties
     */
    public static NotifierItDatabase create(String prefix, DynamicPropertyRegistry registry) {
        NotifierItDatabase db = new NotifierItDatabase(POSTGRES.createUnique(prefix));
        db.register(registry);
        return db;
    }

    /** Registers {@code spring.datasource.url}, username and password of this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::username);
        registry.add("spring.datasource.password", () -> POSTGRES.password() == null ? "" : POSTGRES.password());
    }

    /** The JDBC URL. */
    public String jdbcUrl() {
        return POSTGRES.jdbcUrl(name);
    }

    /** Drops the database. */
    public void drop() {
        POSTGRES.drop(name);
    }
}
