package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.FailureReason;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classifier on what the real {@code mariadb-dump} and driver say: the tool is run directly (past
 * the JDBC checks of {@link MariaDbDumpTool#open}) so that its own stderr is classified.
 */
class MariaDbFailureClassifierIT {

    private final ProcessRunner runner = new ProcessRunner();
    private final MariaDbDumpTool tool = new MariaDbDumpTool(runner);
    private String user;
    private String password;

    @BeforeEach
    void createUser() throws SQLException {
        user = MariaDbTestServer.uniqueName("fc");
        password = MariaDbTestServer.trickyPassword();
        MariaDbTestServer.createUser(user, password, "GRANT SELECT ON *.*");
    }

    @AfterEach
    void dropUser() throws SQLException {
        MariaDbTestServer.dropUser(user);
    }

    @Test
    void classifiesTheToolsOwnMessages() throws Exception {
        assertThat(toolFailure(new ConnectionSpec("127.0.0.1", 3306, "mysql", user, "wrong")))
                .isEqualTo(FailureReason.AUTHENTICATION_FAILED);
        assertThat(toolFailure(new ConnectionSpec("127.0.0.1", 3306, "bulwark_no_such_db", user, password)))
                .isEqualTo(FailureReason.DATABASE_MISSING);
        assertThat(toolFailure(new ConnectionSpec("127.0.0.1", closedPort(), "mysql", user, password)))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
    }

    @Test
    void classifiesTheDriversOwnExceptions() {
        assertThat(driverFailure(new ConnectionSpec("127.0.0.1", 3306, "mysql", user, "wrong")))
                .isEqualTo(FailureReason.AUTHENTICATION_FAILED);
        assertThat(driverFailure(new ConnectionSpec("127.0.0.1", 3306, "bulwark_no_such_db", user, password)))
                .isEqualTo(FailureReason.DATABASE_MISSING);
        assertThat(driverFailure(new ConnectionSpec("127.0.0.1", closedPort(), "mysql", user, password)))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
    }

    private FailureReason toolFailure(ConnectionSpec spec) {
        try (MariaDbClient.OptionFile options = MariaDbClient.OptionFile.create(spec.password())) {
            ProcessRunner.Result result = runner.run(tool.command(
                    MariaDbDumpTool.DEFAULT_PROGRAM,
                    spec,
                    MariaDbTableFilter.everything(),
                    options.option(),
                    Duration.ofMinutes(1)));
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).doesNotContain(password);
            return MariaDbFailureClassifier.fromToolOutput(result.stderr(), result.timedOut());
        }
    }

    private static FailureReason driverFailure(ConnectionSpec spec) {
        try {
            MariaDbClient.connect(spec).close();
            throw new AssertionError("connected to " + spec);
        } catch (SQLException e) {
            return MariaDbFailureClassifier.fromSqlException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
