package io.bulwark.localstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code bulwark restores list|show}: the restores the scheduler ran or runs ({@code /api/restores}). */
@Command(
        name = "restores",
        mixinStandardHelpOptions = true,
        description = "List and show the restores the scheduler ran (request one with `bulwark backup restore`).")
public final class RestoresCommand {

    /** One line: {@code restore ID of backup B: STATE[ into DB][: REASON message]}. */
    static String summary(JsonNode restore) {
        StringBuilder s = new StringBuilder("restore ")
                .append(Text.field(restore, "restoreId"))
                .append(" of backup ")
                .append(Text.field(restore, "backupId"))
                .append(": ")
                .append(Text.field(restore, "state"));
        String database = Text.field(restore.path("destination"), "database");
        if (!Text.NONE.equals(database)) {
            s.append(" into ").append(database);
        }
        if (restore.hasNonNull("reason")) {
            s.append(": ").append(restore.get("reason").asString());
            if (restore.hasNonNull("message")) {
                s.append(' ').append(restore.get("message").asString());
            }
        }
        return s.toString();
    }

    /** {@code restores list [--target T] [--state S] [--limit N]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List restores, newest first.")
    int list(
            @Mixin ApiOptions api,
            @Option(names = "--target", paramLabel = "T", description = "Only this target's.") String target,
            @Option(names = "--state", paramLabel = "S", description = "REQUESTED, RUNNING, SUCCEEDED or FAILED.")
                    String state,
            @Option(names = "--limit", paramLabel = "N", description = "At most N.") Integer limit) {
        JsonNode answer = api.api()
                .get(ApiClient.query(
                        "/api/restores", ApiClient.params("targetId", target, "state", state, "limit", limit)));
        Table table = new Table("ID", "TARGET", "BACKUP", "STATE", "PHASE", "REQUESTED", "DATABASE", "REASON").keep(0);
        return api.items(answer, table, r -> new Object[] {
            Text.field(r, "restoreId"),
            Text.field(r, "targetId"),
            Text.field(r, "backupId"),
            Text.field(r, "state"),
            Text.field(r, "phase"),
            Text.instantField(r.path("request"), "requestedAt"),
            Text.field(r.path("destination"), "database"),
            Text.field(r, "reason")
        });
    }

    /** {@code restores show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one restore.")
    int show(@Mixin ApiOptions api, @Parameters(paramLabel = "ID", description = "The restore's id.") String id) {
        return api.details(api.api().get("/api/restores/" + id));
    }
}
