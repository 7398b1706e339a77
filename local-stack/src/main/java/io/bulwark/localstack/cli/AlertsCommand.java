package io.bulwark.localstack.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark alerts [--all] [--target T] [--limit N]}: the scheduler's alerts ({@code GET /api/alerts}), newest
 * first: the open ones (OPEN and ESCALATED), or with {@code --all} the resolved ones too.
 */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description =
                "The open alerts (RPO breach, missed schedule, size, duration, failed verifications, object store)"
                        + "; --all shows resolved ones too.")
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Option(names = "--all", description = "Resolved alerts too.")
    boolean all;

    @Option(names = "--target", paramLabel = "T", description = "Only this target's.")
    String target;

    @Option(names = "--limit", paramLabel = "N", description = "At most N.")
    Integer limit;

    @Override
    public Integer call() {
        JsonNode answer = api.api()
                .get(ApiClient.query(
                        "/api/alerts",
                        ApiClient.params("state", all ? "all" : null, "targetId", target, "limit", limit)));
        Table table = new Table("OPENED", "TARGET", "KIND", "SEVERITY", "STATE", "LEVEL", "SUMMARY").keep(1, 2);
        return api.items(answer, table, a -> new Object[] {
            Text.instantField(a, "openedAt"),
            Text.field(a, "targetId"),
            Text.field(a, "kind"),
            Text.field(a, "severity"),
            Text.field(a, "state"),
            Text.field(a, "escalationLevel"),
            Text.field(a, "summary")
        });
    }
}
