package io.bulwark.scheduler.adapter.destinations;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.scheduler.application.DestinationProbe;
import io.bulwark.scheduler.application.DestinationServer;
import io.bulwark.scheduler.application.DestinationUnreachableException;
import io.bulwark.service.secrets.SecretReader;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@link DestinationProbe} through the engines' restore port: {@link RestoreEngine#databaseState} of the engine the
 * server runs (JDBC only, with the engines' connect timeout of 10 seconds), connected as the configured user to the
 * server's maintenance database. The password is read with {@link SecretReader} at each call (so a rotated secret is
 * picked up), handed to the driver only, and redacted from every message. Thread-safe.
 */
@Component
public class EngineDestinationProbe implements DestinationProbe {

    private final Map<String, RestoreEngine> engines;
    private final SecretReader secrets;

    /**
     * @param engines the restore engines, one per engine name ({@link RestoreEngine#engine()})
     * @param secrets reads the password from its variable or file
     */
    public EngineDestinationProbe(List<RestoreEngine> engines, SecretReader secrets) {
        this.engines =
                engines.stream().collect(Collectors.toUnmodifiableMap(RestoreEngine::engine, Function.identity()));
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public DatabaseState state(DestinationServer server, String database) throws DestinationUnreachableException {
        RestoreEngine engine = engines.get(server.engine().id());
        if (engine == null) {
            throw new DestinationUnreachableException(
                    "no " + server.engine().id() + " engine is available to ask " + server.where(), null);
        }
        String password;
        try {
            password = secrets.read(server.passwordEnv(), server.passwordFile(), "password");
        } catch (IllegalStateException e) {
            throw new DestinationUnreachableException(
                    "cannot read the password of " + server.id() + ": " + e.getMessage(), null);
        }
        ConnectionSpec spec;
        try {
            spec = new ConnectionSpec(
                    server.host(), server.port(), server.maintenanceDatabase(), server.username(), password);
        } catch (IllegalArgumentException e) {
            throw new DestinationUnreachableException(server.id() + ": " + e.getMessage(), null);
        }
        try {
            return engine.databaseState(spec, database);
        } catch (SQLException e) {
            throw new DestinationUnreachableException(
                    "cannot ask " + server.where() + " about database " + database + ": " + spec.redact(e.getMessage()),
                    null);
        } catch (RuntimeException e) {
            throw new DestinationUnreachableException(
                    "cannot ask " + server.where() + " about database " + database + ": "
                            + spec.redact(String.valueOf(e.getMessage())),
                    null);
        }
    }
}
