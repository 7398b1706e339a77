package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresLocationTest {

    @Test
    void readsUserPasswordHostPortAndDatabaseFromAPostgresqlUrl() {
        PostgresLocation l = PostgresLocation.parse("postgresql://app:s%40cret@db.example:6543/sales");

        assertThat(l.host()).isEqualTo("db.example");
        assertThat(l.port()).isEqualTo(6543);
        assertThat(l.database()).isEqualTo("sales");
        assertThat(l.username()).isEqualTo("app");
        assertThat(l.password()).isEqualTo("s@cret");
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/sales");
    }

    @Test
    void readsAJdbcUrlWithUserAndPasswordParameters() {
        PostgresLocation l = PostgresLocation.parse("jdbc:postgresql://127.0.0.1/bulwark?user=svc&password=pw");

        assertThat(l.port()).isEqualTo(5432);
        assertThat(l.username()).isEqualTo("svc");
        assertThat(l.password()).isEqualTo("pw");
        assertThat(l.database()).isEqualTo("bulwark");
    }

    @Test
    void defaultsToUserPostgresWithoutPassword() {
        PostgresLocation l = PostgresLocation.parse("postgresql://localhost:5432/chinook");

        assertThat(l.username()).isEqualTo("postgres");
        assertThat(l.password()).isNull();
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        PostgresLocation l = PostgresLocation.parse("postgresql://app:TopSecret1@h:1/d");

        assertThat(l.toString()).doesNotContain("TopSecret1").contains("h:1/d (as app)");
        assertThat(l.displayUrl()).doesNotContain("TopSecret1");
    }

    @Test
    void rejectsAUrlWithoutDatabaseNamingWhatIsMissing() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://u:pw@host:5432"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
        assertThatThrownBy(() -> PostgresLocation.parse("mysql://u@host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://");
    }

    @Test
    void becomesAPostgresqlTargetLocationWithTheSameSettings() {
        DatabaseLocation target =
                PostgresLocation.parse("postgresql://app:pw@h:6000/sales").toDatabaseLocation();

        assertThat(target)
                .isEqualTo(new DatabaseLocation(DatabaseLocation.Engine.POSTGRESQL, "h", 6000, "sales", "app", "pw"));
    }

    @Test
    void keepsNamingPostgresqlInItsErrors() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://u@:5432/db"))
                .hasMessageStartingWith("PostgreSQL URL");
        assertThatThrownBy(() -> PostgresLocation.parse(" ")).hasMessage("PostgreSQL URL is empty");
    }
}
