package io.bulwark.verifier.config;

import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.service.secrets.SecretReader;
import io.bulwark.verifier.application.RestoreDestinations;
import java.util.Objects;

/**
 * The destinations of {@link RestoreProperties} ({@code bulwark.restore.destinations.<id>}) and each target's own
 * server ({@code target:<id>}, from {@link TargetServersProperties}), with their passwords read from the environment or
 * a secret file when a restore asks for them, never before. Thread-safe.
 */
final class ConfiguredRestoreDestinations implements RestoreDestinations {

    private final RestoreProperties restore;
    private final TargetServersProperties targets;
    private final SecretReader secrets;
    private final RestoreEngine postgresRestore;
    private final InspectEngine postgresInspect;
    private final RestoreEngine mariadbRestore;
    private final InspectEngine mariadbInspect;

    ConfiguredRestoreDestinations(
            RestoreProperties restore,
            TargetServersProperties targets,
            SecretReader secrets,
            RestoreEngine postgresRestore,
            InspectEngine postgresInspect,
            RestoreEngine mariadbRestore,
            InspectEngine mariadbInspect) {
        this.restore = Objects.requireNonNull(restore, "restore");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.postgresRestore = postgresRestore;
        this.postgresInspect = postgresInspect;
        this.mariadbRestore = mariadbRestore;
        this.mariadbInspect = mariadbInspect;
    }

    @Override
    public Destination resolve(String destinationId) {
        if (destinationId != null && destinationId.startsWith("target:")) {
            String targetId = destinationId.substring("target:".length());
            TargetServersProperties.Target target = targets.targets().get(targetId);
            if (target == null || target.host() == null || target.username() == null) {
                throw unknown("target '" + targetId + "' is not configured with a server (bulwark.targets." + targetId
                        + ".host, username) on this verifier");
            }
            String maintenance = "mariadb".equals(target.engine()) ? "mysql" : "postgres";
            return destination(
                    destinationId,
                    target.engine(),
                    target.host(),
                    target.port(),
                    maintenance,
                    target.username(),
                    password(target.passwordEnv(), target.passwordFile(), "bulwark.targets." + targetId + ".password"));
        }
        RestoreProperties.Destination configured = restore.destinations().get(destinationId);
        if (configured == null) {
            throw unknown("destination '" + destinationId + "' is not configured (bulwark.restore.destinations; this"
                    + " verifier has " + restore.destinations().keySet() + ")");
        }
        return destination(
                destinationId,
                configured.engine(),
                configured.host(),
                configured.port(),
                configured.maintenanceDatabase(),
                configured.username(),
                password(
                        configured.passwordEnv(),
                        configured.passwordFile(),
                        "bulwark.restore.destinations." + destinationId + ".password"));
    }

    private Destination destination(
            String id, String engine, String host, int port, String database, String username, String password) {
        boolean postgres = !"mariadb".equals(engine);
        return new Destination(
                id,
                postgres ? "postgresql" : "mariadb",
                postgres ? postgresRestore : mariadbRestore,
                postgres ? postgresInspect : mariadbInspect,
                new ConnectionSpec(host, port, database, username, password));
    }

    private String password(String env, String file, String setting) {
        try {
            return secrets.read(env, file, setting);
        } catch (IllegalStateException e) {
            throw unknown("the password of the destination cannot be read: " + e.getMessage());
        }
    }

    private static RestoreRefusedException unknown(String message) {
        return new RestoreRefusedException(RestoreFailureReason.DESTINATION_UNKNOWN, message);
    }
}
