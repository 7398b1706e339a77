package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.postgres.PgRestorePlan.ForeignKeyLeftOut;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Plans on the canned outputs of {@code pg_restore --list --verbose} ({@code partial-toc.list}) and {@code
 * pg_restore --schema-only --verbose --file=-} ({@code partial-toc.sql}) of a PostgreSQL 15 archive holding
 * quoted names with capitals, spaces, dots and quotes, serial, identity and shared sequences, an enum, a
 * domain, partitioned tables, inheritance, a row-type column, RLS, rules, a publication, a large object and
 * an extension in its own schema.
 */
class PgArchiveSelectionTest {

    private static final String LISTING = resource("partial-toc.list");
    private static final String DEFINITIONS = resource("partial-toc.sql");

    private static String resource(String name) {
        try (InputStream in = PgArchiveSelectionTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PgRestorePlan tables(String... tables) {
        return PgArchiveSelection.plan(LISTING, DEFINITIONS, Set.of(), Set.of(tables));
    }

    /** The entries the use-list keeps, as {@code KIND schema tag} from the listing lines. */
    private static Set<String> kept(PgRestorePlan plan) {
        return plan.useList()
                .lines()
                .filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0)))
                .map(l -> l.substring(l.indexOf(' ', l.indexOf(' ', l.indexOf(' ') + 1) + 1) + 1))
                .map(l -> l.endsWith(" postgres") ? l.substring(0, l.length() - " postgres".length()) : l.strip())
                .collect(Collectors.toSet());
    }

    @Test
    void aChildTableComesWithItsObjectsAndReportsItsForeignKeyToATableLeftOut() {
        PgRestorePlan plan = tables("child");

        assertThat(plan.tables()).containsExactly("public.child");
        assertThat(plan.sequences()).containsExactly("public.child_id_seq");
        assertThat(plan.indexes()).containsExactly("public.child.child_note_key", "public.child.child_pkey");
        assertThat(plan.constraints())
                .containsExactly(
                        "public.child.child_note_check", "public.child.child_note_key", "public.child.child_pkey");
        assertThat(plan.foreignKeysLeftOut())
                .containsExactly(
                        new ForeignKeyLeftOut("public.child.child_parent_id_fkey", "public.child", "public.parent"));
        assertThat(kept(plan))
                .contains(
                        "TABLE public child",
                        "TABLE DATA public child",
                        "SEQUENCE public child_id_seq",
                        "SEQUENCE SET public child_id_seq",
                        "CONSTRAINT public child child_pkey",
                        "RULE public child child_rule",
                        "COMMENT public CONSTRAINT child_note_check ON child",
                        "ENCODING - ENCODING",
                        "EXTENSION - pgcrypto",
                        "EXTENSION - hstore",
                        "SCHEMA - ext")
                .doesNotContain(
                        "FK CONSTRAINT public child child_parent_id_fkey",
                        "TABLE public parent",
                        "VIEW public happy",
                        "BLOB - 17068",
                        "BLOBS - BLOBS",
                        "DATABASE - exp3",
                        "SCHEMA - Sales");
    }

    @Test
    void aTableBringsItsTypesFunctionsSequencesTriggersPoliciesAndComments() {
        PgRestorePlan plan = tables("public.parent");

        assertThat(plan.tables()).containsExactly("public.parent");
        assertThat(plan.sequences()).containsExactly("public.parent_id_seq", "public.shared_seq");
        assertThat(plan.triggers()).containsExactly("public.parent.parent_touch");
        assertThat(plan.policies()).containsExactly("public.parent.parent_all");
        assertThat(plan.foreignKeysLeftOut()).isEmpty();
        assertThat(kept(plan))
                .contains(
                        "TYPE public mood",
                        "DOMAIN public posint",
                        "FUNCTION public touch()",
                        "SEQUENCE OWNED BY public parent_id_seq",
                        "SEQUENCE SET public shared_seq",
                        "DEFAULT public parent id",
                        "ROW SECURITY public parent",
                        "COMMENT public COLUMN parent.name",
                        "COMMENT public INDEX parent_name_idx",
                        "COMMENT public TRIGGER parent_touch ON parent")
                .doesNotContain("VIEW public happy", "MATERIALIZED VIEW public pcount", "ACL public TABLE a");
    }

    @Test
    void aFunctionWhoseBodyNamesATableLeftOutIsLeftOutAndReported() {
        PgRestorePlan plan = tables("public.parent");

        assertThat(kept(plan)).doesNotContain("FUNCTION public cnt_a()");
        assertThat(plan.leftOut()).contains("FUNCTION public.cnt_a(): needs TABLE public.a");
    }

    @Test
    void parentAndChildTogetherKeepTheForeignKey() {
        PgRestorePlan plan = tables("child", "parent");

        assertThat(plan.foreignKeysLeftOut()).isEmpty();
        assertThat(plan.constraints()).contains("public.child.child_parent_id_fkey");
        assertThat(kept(plan)).contains("FK CONSTRAINT public child child_parent_id_fkey");
    }

    @Test
    void aSerialSequenceOwnedByATableLeftOutIsKeptWithoutItsOwnership() {
        PgRestorePlan plan = tables("b");

        assertThat(plan.tables()).containsExactly("public.b");
        assertThat(plan.sequences()).containsExactly("public.a_id_seq");
        assertThat(kept(plan))
                .contains("SEQUENCE public a_id_seq", "SEQUENCE SET public a_id_seq", "CHECK CONSTRAINT public b b_chk")
                .doesNotContain("SEQUENCE OWNED BY public a_id_seq", "TABLE public a");
        assertThat(plan.foreignKeysLeftOut())
                .containsExactly(new ForeignKeyLeftOut("public.b.b_a_id_fkey", "public.b", "public.a"));
    }

    @Test
    void aPartitionedTableBringsItsPartitionsWithTheirAttachmentsAndClonedObjects() {
        PgRestorePlan plan = tables("public.measurement", "m");

        assertThat(plan.tables())
                .containsExactly(
                        "public.m",
                        "public.m_1",
                        "public.measurement",
                        "public.measurement_2025",
                        "public.measurement_2026");
        assertThat(plan.indexes())
                .contains("public.measurement_2025.measurement_2025_taken_idx", "public.m_1.m_1_id_taken_key");
        assertThat(plan.constraints())
                .contains(
                        "public.m.m_pos",
                        "public.m.m_uq",
                        "public.m_1.m_pos",
                        "public.m_1.m_1_local",
                        "public.m_1.m_1_id_taken_key")
                .doesNotContain("public.m_1.m_fk");
        assertThat(plan.triggers()).containsExactly("public.m.m_trg", "public.m_1.m_trg");
        assertThat(plan.foreignKeysLeftOut())
                .containsExactly(new ForeignKeyLeftOut("public.m.m_fk", "public.m", "public.parent"));
        assertThat(kept(plan))
                .contains(
                        "TABLE ATTACH public measurement_2025",
                        "INDEX ATTACH public measurement_2026_taken_idx",
                        "INDEX ATTACH public m_1_id_taken_key");
    }

    @Test
    void aPartitionAloneIsRestoredDetachedWithItsOwnIndexes() {
        PgRestorePlan plan = tables("measurement_2025");

        assertThat(plan.tables()).containsExactly("public.measurement_2025");
        assertThat(plan.indexes())
                .containsExactly(
                        "public.measurement_2025.measurement_2025_pkey",
                        "public.measurement_2025.measurement_2025_taken_idx");
        assertThat(kept(plan)).doesNotContain("TABLE ATTACH public measurement_2025", "TABLE public measurement");
    }

    @Test
    void aTableBringsItsInheritanceParentAndItsRowTypeTable() {
        assertThat(tables("ic").tables()).containsExactly("public.ic", "public.ip");
        assertThat(tables("ic").constraints()).containsExactly("public.ic.ip_chk", "public.ip.ip_chk");
        assertThat(tables("rowt").tables()).containsExactly("public.b", "public.rowt");
    }

    @Test
    void quotedNamesWithSpacesDotsAndQuotesAreMatchedExactly() {
        PgRestorePlan plan = tables("Sales.Order.Items", "Sales Dept.Line \"Item\"");

        assertThat(plan.tables()).containsExactly("Sales Dept.Line \"Item\"", "Sales.Order.Items");
        assertThat(plan.constraints())
                .containsExactly("Sales Dept.Line \"Item\".Line \"Item\"_pkey", "Sales.Order.Items.Order.Items_pkey");
        assertThat(plan.triggers()).containsExactly("Sales.Order.Items.Order Trig");
        assertThat(plan.foreignKeysLeftOut())
                .containsExactly(new ForeignKeyLeftOut(
                        "Sales.Order.Items.Order.Items_Child Id_fkey", "Sales.Order.Items", "public.child"));
        assertThat(kept(plan)).contains("SCHEMA - Sales", "SCHEMA - Sales Dept", "FUNCTION public touch()");
    }

    @Test
    void aSchemaBringsItsViewsButLeavesOutThoseOverTablesOfOtherSchemas() {
        PgRestorePlan plan = PgArchiveSelection.plan(LISTING, DEFINITIONS, Set.of("Sales Dept"), Set.of());

        assertThat(plan.tables()).containsExactly("Sales Dept.Line \"Item\"");
        assertThat(plan.leftOut()).containsExactly("VIEW Sales Dept.v: needs TABLE public.a");
    }

    @Test
    void theWholePublicSchemaKeepsViewsMaterializedViewsAndTheirData() {
        PgRestorePlan plan = PgArchiveSelection.plan(LISTING, DEFINITIONS, Set.of("public"), Set.of());

        assertThat(kept(plan))
                .contains(
                        "VIEW public happy",
                        "MATERIALIZED VIEW public pcount",
                        "MATERIALIZED VIEW DATA public pcount",
                        "FUNCTION public cnt_a()",
                        "SEQUENCE OWNED BY public a_id_seq",
                        "CHECK CONSTRAINT public d2 d2_chk")
                .doesNotContain("ACL public TABLE a", "PUBLICATION TABLE public pub a", "TABLE other t2");
        assertThat(plan.foreignKeysLeftOut()).isEmpty();
        assertThat(plan.leftOut()).isEmpty();
    }

    @Test
    void theUseListKeepsEveryEntryInArchiveOrder() {
        PgRestorePlan plan = tables("child");
        List<String> listed = LISTING.lines()
                .filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0)))
                .toList();
        List<String> inUseList = plan.useList()
                .lines()
                .filter(l -> !l.startsWith(";") || (l.length() > 1 && Character.isDigit(l.charAt(1))))
                .map(l -> l.startsWith(";") ? l.substring(1) : l)
                .toList();

        assertThat(inUseList).isEqualTo(listed);
    }

    @Test
    void namesWhatIsNotInTheArchiveAndWhatIs() {
        assertThatThrownBy(
                        () -> PgArchiveSelection.plan(LISTING, DEFINITIONS, Set.of("nope"), Set.of("ghost", "Sales.x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the archive: schema nope, table Sales.x, table public.ghost")
                .hasMessageContaining(
                        "the tables Sales Dept.Line \"Item\", Sales.Order.Items, other.t2, public.MixedCase");
        assertThatThrownBy(() -> tables("happy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table public.happy");
        assertThatThrownBy(() -> PgArchiveSelection.plan(LISTING, DEFINITIONS, Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
