package io.bulwark.localstack.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark targets [ID]}: the configured targets with their health against their RPO ({@code GET
 * /api/targets}), or one target's details.
 */
@Command(
        name = "targets",
        mixinStandardHelpOptions = true,
        description = "The configured targets: health against the RPO, last verified backup, next run.")
public final class TargetsCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Show only this target, in detail.")
    String id;

    @Override
    public Integer call() {
        if (id != null) {
            return api.details(api.api().get("/api/targets/" + id));
        }
        JsonNode answer = api.api().get("/api/targets");
        if (api.json()) {
            api.json(answer);
            return CliExit.OK;
        }
        Table table = new Table(
                "TARGET",
                "ENGINE",
                "HEALTH",
                "LAST VERIFIED",
                "AGE",
                "RPO",
                "RTO",
                "BACKUPS",
                "STORED",
                "NEXT RUN",
                "WHY");
        for (JsonNode t : answer.path("items")) {
            JsonNode verified = t.path("lastVerified");
            JsonNode next = t.path("nextRuns").path(0);
            table.row(
                    Text.field(t, "id"),
                    Text.field(t, "engine"),
                    Text.field(t, "health"),
                    Text.instantField(verified, "verifiedAt"),
                    Text.number(verified, "ageSeconds") >= 0
                            ? Text.millis(Text.number(verified, "ageSeconds") * 1000)
                            : Text.NONE,
                    Text.duration(Text.field(t, "rpo")),
                    Text.duration(Text.field(t, "rto")),
                    Text.field(t, "backupCount"),
                    Text.bytesField(t, "storedBytes"),
                    Text.instantField(next, "at"),
                    Text.field(t, "healthReason"));
        }
        api.table(table);
        return CliExit.OK;
    }
}
