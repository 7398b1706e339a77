package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.scheduler.domain.DatabaseEngine;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreCommandTest {

    @Test
    void theDefaultsAndAFullValidRequestPass() {
        assertThatCode(() -> RestoreCommand.defaults().validate()).doesNotThrowAnyException();
        RestoreCommand full = new RestoreCommand(
                "staging",
                null,
                "chinook_copy",
                true,
                "chinook_copy",
                List.of("public"),
                List.of("public.album"),
                true,
                64);
        assertThatCode(full::validate).doesNotThrowAnyException();
        assertThatCode(() -> full.validateFor(DatabaseEngine.POSTGRESQL)).doesNotThrowAnyException();
    }

    @Test
    void malformedDestinationIdsNameTheirField() {
        assertField(command("Staging!", null, null, false, null, null, null), "destinationId");
        assertField(command(null, "../etc", null, false, null, null, null), "destinationTarget");
        assertField(command("staging", "chinook", null, false, null, null, null), "destinationTarget");
    }

    @Test
    void aDatabaseThatIsBlankTooLongOrHoldsASlashOrDotNamesDatabase() {
        for (String database : List.of("", "  ", "a".repeat(64), "a/b", "a.b", "a\\b", "a\u0000b")) {
            assertField(command(null, null, database, false, null, null, null), "database");
        }
        assertThatCode(() -> command(null, null, "a".repeat(63), false, null, null, null)
                        .validate())
                .doesNotThrowAnyException();
    }

    @Test
    void replaceNeedsTheDatabaseNamedAndRepeatedAsConfirm() {
        assertField(command(null, null, null, true, null, null, null), "database");
        assertField(command(null, null, "chinook", true, null, null, null), "confirm");
        assertField(command(null, null, "chinook", true, "chinook2", null, null), "confirm");
        assertThatCode(() -> command(null, null, "chinook", true, "chinook", null, null)
                        .validate())
                .doesNotThrowAnyException();
    }

    @Test
    void jobsOutOfRangeNameJobs() {
        assertField(command(null, null, null, false, null, null, 0), "jobs");
        assertField(command(null, null, null, false, null, null, 65), "jobs");
    }

    @Test
    void blankOrMissingTablesAndSchemasNameTheirField() {
        assertField(command(null, null, null, false, null, List.of("public.album", " "), null), "tables");
        assertField(command(null, null, null, false, null, Arrays.asList("public.album", null), null), "tables");
        RestoreCommand blankSchema =
                new RestoreCommand(null, null, null, false, null, List.of(""), List.of(), false, null);
        assertField(blankSchema, "schemas");
    }

    @Test
    void postgresqlTablesAreSchemaQualifiedAndMariaDbHasNoSchemas() {
        RestoreCommand bareTable = command(null, null, null, false, null, List.of("album"), null);
        assertThatThrownBy(() -> bareTable.validateFor(DatabaseEngine.POSTGRESQL))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("tables");
        assertThatCode(() -> bareTable.validateFor(DatabaseEngine.MARIADB)).doesNotThrowAnyException();

        RestoreCommand schemas =
                new RestoreCommand(null, null, null, false, null, List.of("public"), List.of(), false, null);
        assertThatThrownBy(() -> schemas.validateFor(DatabaseEngine.MARIADB))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("schemas");
    }

    private static RestoreCommand command(
            String destinationId,
            String destinationTarget,
            String database,
            boolean replace,
            String confirm,
            List<String> tables,
            Integer jobs) {
        return new RestoreCommand(
                destinationId, destinationTarget, database, replace, confirm, List.of(), tables, false, jobs);
    }

    private static void assertField(RestoreCommand command, String field) {
        assertThatThrownBy(command::validate)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(field)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo(field);
    }
}
