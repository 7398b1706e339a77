package io.bulwark.localstack.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark backup restore ID --destination D ...}: asks the scheduler to restore a backup ({@code POST
 * /api/backups/{id}/restore}) into one of its configured destinations; {@code --wait} follows it to SUCCEEDED (exit 0)
 * or FAILED (exit 1). Not the standalone {@code bulwark restore}, which needs no running stack.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Ask the scheduler to restore backup ID into a configured destination and prove it.",
            "(The standalone disaster-recovery restore, from the bucket alone, is `bulwark restore`.)"
        })
final class BackupRestoreCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Mixin
    WaitOptions wait;

    @Parameters(paramLabel = "ID", description = "The backup's id.")
    String backupId;

    @Option(
            names = "--destination",
            paramLabel = "D",
            description = "A configured destination (bulwark.restore.destinations.<id>).")
    String destination;

    @Option(names = "--database", paramLabel = "DB", description = "Restore into DB (default: a new database).")
    String database;

    @Option(names = "--replace", description = "Restore into an existing, non-empty database (needs --confirm).")
    boolean replace;

    @Option(names = "--confirm", paramLabel = "DB", description = "The database's name repeated, with --replace.")
    String confirm;

    @Option(names = "--table", paramLabel = "T", description = "Restore only this table (repeatable).")
    List<String> tables;

    @Option(names = "--schema", paramLabel = "S", description = "Restore only this schema (repeatable).")
    List<String> schemas;

    @Option(names = "--force", description = "Restore a backup that is not VERIFIED.")
    boolean force;

    @Override
    public Integer call() {
        JsonNode restore = api.api()
                .post(
                        "/api/backups/" + backupId + "/restore",
                        ApiClient.body(
                                "destinationId", destination,
                                "database", database,
                                "replace", replace ? Boolean.TRUE : null,
                                "confirm", confirm,
                                "tables", tables,
                                "schemas", schemas,
                                "force", force ? Boolean.TRUE : null));
        String restoreId = Text.field(restore, "restoreId");
        if (wait.wait) {
            restore = new RestoreFollower(api.api(), api.err(), BackupFollower.onTerminal(), BackupCommand.pollInterval)
                    .follow(restoreId, wait.timeout);
        }
        if (api.json()) {
            api.json(restore);
        } else {
            api.out().println(RestoresCommand.summary(restore));
            api.out().flush();
        }
        return wait.wait && !"SUCCEEDED".equals(Text.field(restore, "state")) ? CliExit.NOT_PASSED : CliExit.OK;
    }
}
