package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.DumpOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgDumpFilterTest {

    private static PgDumpFilter filter(List<String> inS, List<String> exS, List<String> inT, List<String> exT) {
        return PgDumpFilter.of(new DumpOptions(inS, exS, inT, exT, Duration.ofMinutes(1)));
    }

    @Test
    void includeSchemasKeepsOnlyThoseSchemasAndDropsExtensions() {
        PgDumpFilter f = filter(List.of("sales"), null, null, null);
        assertThat(f.dumpsRelation("sales", "orders")).isTrue();
        assertThat(f.dumpsRelation("public", "customer")).isFalse();
        assertThat(f.dumpsSchemaObject("sales")).isTrue();
        assertThat(f.dumpsSchemaObject("public")).isFalse();
        assertThat(f.dumpsExtensions()).isFalse();
    }

    @Test
    void excludeSchemasAndTablesKeepTheRestAndExtensions() {
        PgDumpFilter f = filter(null, List.of("audit"), null, List.of("public.log"));
        assertThat(f.dumpsRelation("audit", "x")).isFalse();
        assertThat(f.dumpsRelation("public", "log")).isFalse();
        assertThat(f.dumpsRelation("public", "customer")).isTrue();
        assertThat(f.dumpsSchemaObject("public")).isTrue();
        assertThat(f.dumpsExtensions()).isTrue();
    }

    @Test
    void includeTablesOverridesSchemaFiltersAndDropsSchemaLevelObjects() {
        PgDumpFilter f = filter(List.of("other"), List.of("public"), List.of("public.customer"), null);
        assertThat(f.dumpsRelation("public", "customer")).isTrue();
        assertThat(f.dumpsRelation("other", "anything")).isFalse();
        assertThat(f.dumpsSchemaObject("public")).isFalse();
        assertThat(f.dumpsExtensions()).isFalse();
    }

    @Test
    void anOwnedSerialSequenceGoesWithItsTableOrItselfAnIdentitySequenceOnlyWithItsTable() {
        PgDumpFilter excludeCustomer = filter(null, null, null, List.of("public.customer"));
        assertThat(excludeCustomer.dumpsOwnedSequence("public", "customer_id_seq", "apublic.customer"))
                .isTrue();
        assertThat(excludeCustomer.dumpsOwnedSequence("public", "customer_id_seq", "ipublic.customer"))
                .isFalse();
        PgDumpFilter onlyCustomer = filter(null, null, List.of("public.customer"), null);
        assertThat(onlyCustomer.dumpsOwnedSequence("public", "customer_id_seq", "apublic.customer"))
                .isTrue();
        assertThat(onlyCustomer.dumpsOwnedSequence("public", "other_seq", "apublic.other"))
                .isFalse();
    }

    @Test
    void quotesEveryNameSoPatternCharactersAreLiteral() {
        PgDumpFilter f = filter(List.of("Sa*les"), null, null, List.of("public.we\"ird?"));
        assertThat(f.arguments()).containsExactly("--schema=\"Sa*les\"", "--exclude-table=\"public\".\"we\"\"ird?\"");
    }

    @Test
    void aTableWithoutItsSchemaIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> filter(null, null, List.of("customer"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("include-tables")
                .hasMessageContaining("schema.table");
    }

    @Test
    void readsTheMajorVersionOfPgDump() {
        assertThat(PgDumpTool.majorOf("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"))
                .isEqualTo(15);
        assertThat(PgDumpTool.majorOf("pg_dump (PostgreSQL) 9.6.24")).isEqualTo(9);
        assertThat(PgDumpTool.majorOf("garbage")).isZero();
    }
}
