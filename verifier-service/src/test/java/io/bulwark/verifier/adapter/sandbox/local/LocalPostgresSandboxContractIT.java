package io.bulwark.verifier.adapter.sandbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.InspectEngine.QueryAnswer;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.pipeline.Inspection;
import io.bulwark.pipeline.rules.ConsistencyRules;
import io.bulwark.verifier.adapter.sandbox.SandboxContract;
import io.bulwark.verifier.adapter.sandbox.TinySources;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.SandboxProvider.SandboxRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@link SandboxContract} of {@code local} PostgreSQL sandboxes from the machine's server binaries. */
class LocalPostgresSandboxContractIT extends SandboxContract {

    private static Path workDir;
    private static String source;
    private static byte[] dump;
    private static SandboxProvider provider;

    @BeforeAll
    static void createSource() throws Exception {
        workDir = TinySources.workDir("local-pg-contract");
        source = TinySources.createPostgres();
        dump = TinySources.pgDump(source);
        provider = new LocalPostgresSandboxProvider(workDir, null, new ProcessRunner(), Duration.ofMinutes(1));
    }

    @AfterAll
    static void dropSource() throws Exception {
        if (source != null) {
            TinySources.POSTGRES.drop(source);
        }
        TinySources.delete(workDir);
    }

    @Test
    void aQueryRunningLongerThanTheStatementLimitIsCancelledAndAnsweredAsAnError() {
        SandboxProvider limited =
                new LocalPostgresSandboxProvider(workDir, null, new ProcessRunner(), Duration.ofSeconds(1));
        try (Sandbox sandbox = limited.start(request());
                Inspection inspection = sandbox.inspection(null)) {
            QueryAnswer answer = inspection.query("SELECT pg_sleep(20)::text");

            assertThat(answer.error())
                    .as("the assertion query's answer: " + answer)
                    .contains("cancel");
        }
    }

    @Test
    void aSequenceThatOnlyAColumnDefaultUsesIsCheckedForEachColumnItFills() throws Exception {
        String db = TinySources.POSTGRES.createUnique("sandbox_default_seq");
        try {
            TinySources.POSTGRES.execute(db, """
                    CREATE SEQUENCE note_id_seq;
                    CREATE TABLE note (id integer DEFAULT nextval('note_id_seq'::regclass) PRIMARY KEY, body text);
                    CREATE TABLE note_2015 () INHERITS (note);
                    ALTER TABLE ONLY note_2015 ALTER COLUMN id SET DEFAULT nextval('note_id_seq'::regclass);
                    CREATE SEQUENCE tag_id_seq;
                    CREATE TABLE tag (id bigint DEFAULT nextval('tag_id_seq'::regclass), code text
                        DEFAULT 'T' || nextval('tag_id_seq'::regclass));
                    CREATE TABLE owned (id serial PRIMARY KEY);
                    INSERT INTO note (body) VALUES ('a'), ('b');
                    INSERT INTO note_2015 (body) VALUES ('c');
                    INSERT INTO tag (id) VALUES (1), (2), (7);
                    INSERT INTO owned DEFAULT VALUES;
                    """);
            byte[] dump = TinySources.pgDump(db);
            try (Sandbox sandbox = provider.start(new SandboxRequest("postgresql", db))) {
                restored(sandbox, dump);

                List<SequencePosition> sequences;
                try (Inspection inspection = sandbox.inspection(db)) {
                    sequences = inspection.sequences();
                }

                assertThat(sequences)
                        .extracting(
                                SequencePosition::sequence,
                                SequencePosition::column,
                                SequencePosition::nextValue,
                                SequencePosition::columnMax)
                        .containsExactly(
                                tuple("public.note_id_seq", "public.note.id", 4L, 3L),
                                tuple("public.note_id_seq", "public.note_2015.id", 4L, 3L),
                                tuple("public.owned_id_seq", "public.owned.id", 2L, 1L),
                                tuple("public.tag_id_seq", "public.tag.id", 4L, 7L));
                assertThat(ConsistencyRules.sequences(sequences, null, 0).detail())
                        .isEqualTo("1 of 3 sequences would hand out a value already taken:"
                                + " public.tag_id_seq would hand out 4 but max(public.tag.id) = 7");
            }
        } finally {
            TinySources.POSTGRES.drop(db);
        }
    }

    @Override
    protected SandboxProvider provider() {
        return provider;
    }

    @Override
    protected SandboxRequest request() {
        return new SandboxRequest("postgresql", source);
    }

    @Override
    protected byte[] dump() {
        return dump;
    }

    @Override
    protected List<String> tableNames() {
        return List.of("public.parent", "public.child");
    }

    @Override
    protected void assertNothingLeft(Sandbox closed) throws Exception {
        // the initdb template stays for the next sandbox
        TinySources.assertWorkDirEmpty(workDir, LocalPostgresInstance.TEMPLATE_PREFIX);
    }
}
