package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of {@code pg_restore --list --verbose} and {@code --schema-only --verbose} text, and of CREATE TABLE. */
class PgTocParserTest {

    private static final String LISTING = """
            ;
            ; Archive created at 2026-12-02 19:35:15 UTC
            ;     TOC Entries: 6
            ;
            ; Selected TOC Entries:
            ;
            7; 2615 16436 SCHEMA - Sales Dept postgres
            222; 1259 16465 TABLE Sales Dept Line "Item" postgres
            ;\tdepends on: 7
            3476; 0 16465 TABLE DATA Sales Dept Line "Item" postgres
            ;\tdepends on: 222
            3304; 2606 16470 CONSTRAINT Sales Dept Line "Item" Line "Item"_pkey postgres
            ;\tdepends on: 222
            3484; 2613 16522 BLOB - 16522 postgres
            3497; 0 0 SEQUENCE SET public child_id_seq postgres
            ;\tdepends on: 220 221
            """;

    private static final String DEFINITIONS = """
            --
            -- PostgreSQL database dump
            --

            SET statement_timeout = 0;

            --
            -- TOC entry 7 (class 2615 OID 16436)
            -- Name: Sales Dept; Type: SCHEMA; Schema: -; Owner: postgres
            -- Data Pos: 0
            --

            CREATE SCHEMA "Sales Dept";

            --
            -- TOC entry 222 (class 1259 OID 16465)
            -- Dependencies: 7
            -- Name: Line "Item"; Type: TABLE; Schema: Sales Dept; Owner: postgres
            -- Data Pos: 0
            --

            CREATE TABLE "Sales Dept"."Line ""Item""\" (
                id integer NOT NULL,
                note text DEFAULT 'CONSTRAINT fake CHECK (x)'::text,
                CONSTRAINT "Positive ""id""\" CHECK ((id > 0)),
                CONSTRAINT only_here CHECK ((id < 10)) NO INHERIT
            )
            INHERITS ("Sales Dept".base, public."Other");

            -- a comment line inside the block
            ALTER TABLE "Sales Dept"."Line ""Item""\" OWNER TO postgres;

            --
            -- TOC entry 3304 (class 2606 OID 16470)
            -- Dependencies: 222
            -- Name: Line "Item" Line "Item"_pkey; Type: CONSTRAINT; Schema: Sales Dept; Owner:\s
            -- Data Pos: 0
            --

            ALTER TABLE ONLY "Sales Dept"."Line ""Item""\"
                ADD CONSTRAINT "Line ""Item""_pkey" PRIMARY KEY (id);

            --
            -- PostgreSQL database dump complete
            --
            """;

    @Test
    void readsKindsNamesDependenciesAndDefinitionsOfEveryEntryInOrder() {
        List<PgTocEntry> entries = PgTocParser.parse(LISTING, DEFINITIONS);

        assertThat(entries).extracting(PgTocEntry::id).containsExactly(7, 222, 3476, 3304, 3484, 3497);
        assertThat(entries)
                .extracting(PgTocEntry::desc)
                .containsExactly("SCHEMA", "TABLE", "TABLE DATA", "CONSTRAINT", "BLOB", "SEQUENCE SET");
        PgTocEntry schema = entries.get(0);
        assertThat(schema.schema()).isNull();
        assertThat(schema.name()).isEqualTo("Sales Dept");
        PgTocEntry table = entries.get(1);
        assertThat(table.qualifiedName()).isEqualTo("Sales Dept.Line \"Item\"");
        assertThat(table.dependencies()).containsExactly(7);
        assertThat(table.sql())
                .startsWith("CREATE TABLE \"Sales Dept\"")
                .endsWith("OWNER TO postgres;")
                .contains("-- a comment line inside the block");
        assertThat(table.listLine()).isEqualTo("222; 1259 16465 TABLE Sales Dept Line \"Item\" postgres");
        PgTocEntry constraint = entries.get(3);
        assertThat(constraint.name()).isEqualTo("Line \"Item\" Line \"Item\"_pkey");
        assertThat(constraint.sql()).endsWith("PRIMARY KEY (id);");
        PgTocEntry data = entries.get(2);
        assertThat(data.name()).isNull();
        assertThat(data.sql()).isNull();
        assertThat(data.dependencies()).containsExactly(222);
        assertThat(entries.get(5).dependencies()).containsExactly(220, 221);
    }

    @Test
    void aListingWithoutEntriesIsRefused() {
        assertThatThrownBy(() -> PgTocParser.parse(";\n; nothing\n", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindsOfEntriesWithoutDefinitionAreMatchedLongestFirst() {
        assertThat(PgTocParser.kindOf("TABLE DATA public t postgres")).isEqualTo("TABLE DATA");
        assertThat(PgTocParser.kindOf("SEQUENCE SET public s postgres")).isEqualTo("SEQUENCE SET");
        assertThat(PgTocParser.kindOf("BLOBS - BLOBS ")).isEqualTo("BLOBS");
        assertThat(PgTocParser.kindOf("MATERIALIZED VIEW DATA public m postgres"))
                .isEqualTo("MATERIALIZED VIEW DATA");
        assertThat(PgTocParser.kindOf("SOMETHING NEW x")).isEqualTo("UNKNOWN");
    }

    @Test
    void readsTheChecksAndInheritanceOfACreateTableAndIgnoresStringsAndComments() {
        String sql = PgTocParser.parse(LISTING, DEFINITIONS).get(1).sql();

        assertThat(PgCreateTable.checks(sql))
                .containsExactly(
                        new PgCreateTable.Check("Positive \"id\"", false), new PgCreateTable.Check("only_here", true));
        assertThat(PgCreateTable.inherits(sql))
                .containsExactly(new String[] {"Sales Dept", "base"}, new String[] {"public", "Other"});
        assertThat(PgCreateTable.inherits("CREATE TABLE public.t (\n    id integer\n);"))
                .isEmpty();
    }

    @Test
    void tokensSkipEscapedAndDollarQuotedStringsAndNestedComments() {
        assertThat(PgCreateTable.tokens(
                        "CREATE TABLE t (a text DEFAULT E'it\\'s (' /* a /* nested */ ( */, b text DEFAULT $x$ ) $x$)"))
                .containsExactly("create", "table", "t", "(", "a", "text", "default", ",", "b", "text", "default", ")");
    }
}
