package io.bulwark.localstack.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark schedules list|show|create|update|delete|enable|disable|run|next}: the scheduler's schedules ({@code
 * /api/schedules}), each named by its target and name. Schedules declared in configuration (source CONFIG) can be
 * enabled, disabled and run, not updated or deleted (the API answers 409).
 */
@Command(
        name = "schedules",
        mixinStandardHelpOptions = true,
        description = "List, create, change, enable, disable and run backup schedules.")
public final class SchedulesCommand {

    private static String path(String target, String name) {
        return "/api/schedules/" + target + "/" + name;
    }

    /** {@code schedules list [--target T]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules.")
    int list(
            @Mixin ApiOptions api,
            @Option(names = "--target", paramLabel = "T", description = "Only this target's.") String target) {
        JsonNode answer = api.api().get(ApiClient.query("/api/schedules", ApiClient.params("targetId", target)));
        Table table = new Table("TARGET", "NAME", "CRON", "ZONE", "TIER", "ENABLED", "SOURCE", "NEXT RUN", "LAST RUN");
        return api.items(answer, table, s -> new Object[] {
            Text.field(s, "targetId"),
            Text.field(s, "name"),
            Text.field(s, "cron"),
            Text.field(s, "zone"),
            Text.field(s, "tier"),
            Text.field(s, "enabled"),
            Text.field(s, "source"),
            Text.instantField(s, "nextRunAt"),
            Text.instantField(s, "lastRunAt")
        });
    }

    /** {@code schedules show TARGET NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one schedule.")
    int show(@Mixin ApiOptions api, @Mixin Key key) {
        return api.details(api.api().get(path(key.target, key.name)));
    }

    /** {@code schedules create TARGET NAME --cron C [--zone Z] [--tier T] [--label L] [--disabled]} (admin). */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a schedule (admin).")
    int create(
            @Mixin ApiOptions api,
            @Mixin Key key,
            @Option(
                            names = "--cron",
                            required = true,
                            paramLabel = "CRON",
                            description = "Crontab, five fields ('0 2 * * *' is 02:00 every day), a six-field Spring"
                                    + " expression (seconds first) or a macro such as @daily.")
                    String cron,
            @Mixin Settings settings) {
        Map<String, Object> body = new LinkedHashMap<>(ApiClient.body("targetId", key.target, "name", key.name));
        body.put("cron", cron);
        body.putAll(settings.body());
        return api.details(api.api().post("/api/schedules", body));
    }

    /** {@code schedules update TARGET NAME [--cron C] [--zone Z] [--tier T] [--label L] [--enabled|--disabled]}. */
    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = "Change a schedule made through the API (admin); what is not given stays.")
    int update(
            @Mixin ApiOptions api,
            @Mixin Key key,
            @Option(names = "--cron", paramLabel = "CRON", description = "The new cron expression.") String cron,
            @Mixin Settings settings) {
        ApiClient client = api.api();
        JsonNode current = client.get(path(key.target, key.name));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cron", cron != null ? cron : current.path("cron").asString());
        for (String field : new String[] {"zone", "tier", "label", "enabled"}) {
            JsonNode value = current.get(field);
            if (value != null && !value.isNull()) {
                body.put(field, value.isBoolean() ? (Object) value.asBoolean() : value.asString());
            }
        }
        body.putAll(settings.body());
        return api.details(client.put(path(key.target, key.name), body));
    }

    /** {@code schedules delete TARGET NAME} (admin). */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a schedule made through the API.")
    int delete(@Mixin ApiOptions api, @Mixin Key key) {
        api.api().delete(path(key.target, key.name));
        if (!api.json()) {
            api.out().println("schedule " + key.target + "/" + key.name + " deleted");
            api.out().flush();
        }
        return CliExit.OK;
    }

    /** {@code schedules enable TARGET NAME} (operator). */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a schedule (operator).")
    int enable(@Mixin ApiOptions api, @Mixin Key key) {
        return api.details(api.api().post(path(key.target, key.name) + "/enable", null));
    }

    /** {@code schedules disable TARGET NAME} (operator). */
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a schedule (operator).")
    int disable(@Mixin ApiOptions api, @Mixin Key key) {
        return api.details(api.api().post(path(key.target, key.name) + "/disable", null));
    }

    /** {@code schedules run TARGET NAME [--wait]} (operator): one backup now, as the schedule would make it. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a schedule's backup now (operator).")
    int run(@Mixin ApiOptions api, @Mixin Key key, @Mixin WaitOptions wait) {
        JsonNode answer = api.api().post(path(key.target, key.name) + "/run", null);
        String id = Text.field(answer, "backupId");
        if (wait.wait) {
            return BackupCommand.waitForVerification(api, id, wait, null);
        }
        if (api.json()) {
            api.json(answer);
        } else {
            api.out().println("backup " + id + " of " + key.target + " requested by schedule " + key.name);
            api.out().flush();
        }
        return CliExit.OK;
    }

    /** {@code schedules next [--target T] [--limit N]}: the coming runs, soonest first. */
    @Command(name = "next", mixinStandardHelpOptions = true, description = "The coming scheduled runs, soonest first.")
    int next(
            @Mixin ApiOptions api,
            @Option(names = "--target", paramLabel = "T", description = "Only this target's.") String target,
            @Option(names = "--limit", paramLabel = "N", description = "At most N (the API's default: 10).")
                    Integer limit) {
        JsonNode answer = api.api()
                .get(ApiClient.query("/api/schedules/next", ApiClient.params("targetId", target, "limit", limit)));
        Table table = new Table("AT", "TARGET", "NAME", "TIER", "CRON", "ZONE");
        return api.items(answer, table, n -> new Object[] {
            Text.instantField(n, "at"),
            Text.field(n, "targetId"),
            Text.field(n, "name"),
            Text.field(n, "tier"),
            Text.field(n, "cron"),
            Text.field(n, "zone")
        });
    }

    /** A schedule's key: {@code TARGET NAME}. */
    static final class Key {
        @Parameters(index = "0", paramLabel = "TARGET", description = "The schedule's target.")
        String target;

        @Parameters(index = "1", paramLabel = "NAME", description = "The schedule's name.")
        String name;
    }

    /** The optional settings of {@code create} and {@code update}. */
    static final class Settings {
        @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the cron (default UTC).")
        String zone;

        @Option(names = "--tier", paramLabel = "TIER", description = "Tier of its backups (default DAILY).")
        String tier;

        @Option(names = "--label", paramLabel = "L", description = "Label of its backups.")
        String label;

        @Option(names = "--enabled", negatable = true, description = "Enabled (--no-enabled: disabled).")
        Boolean enabled;

        Map<String, Object> body() {
            return ApiClient.body("zone", zone, "tier", tier, "label", label, "enabled", enabled);
        }
    }
}
