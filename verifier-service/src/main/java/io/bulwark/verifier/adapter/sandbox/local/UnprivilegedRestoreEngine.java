package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A sandbox's restore engine when it restores as {@link UnprivilegedRestoreRole#ROLE}: the engine itself, except that
 * a failed restore whose errors say the role lacked a right ("permission denied", "must be superuser", "must be
 * owner") ends with a line naming the cause and the way out, so that the verdict explains itself.
 */
final class UnprivilegedRestoreEngine implements RestoreEngine {

    /** The line added to such a restore's error output. */
    static final String HINT = "(restored as the unprivileged role " + UnprivilegedRestoreRole.ROLE
            + ": a dump that needs a superuser restores only with"
            + " bulwark.verifier.sandbox.postgres.restore-role: SUPERUSER)";

    private final RestoreEngine engine;

    UnprivilegedRestoreEngine(RestoreEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options) {
        RestoreOutcome outcome = engine.restore(archive, destination, options);
        if (outcome.succeeded() || !lackedARight(outcome.stderr())) {
            return outcome;
        }
        return new RestoreOutcome(
                outcome.tool(),
                outcome.input(),
                outcome.exitCode(),
                outcome.stderr() + "\n" + HINT,
                outcome.elapsedMillis(),
                outcome.timedOut(),
                outcome.bytesFed(),
                outcome.inputError(),
                outcome.inputComplete(),
                outcome.selection());
    }

    /** True when {@code stderr} holds one of PostgreSQL's errors of a missing right (SQLSTATE 42501). */
    static boolean lackedARight(String stderr) {
        if (stderr == null) {
            return false;
        }
        String text = stderr.toLowerCase(Locale.ROOT);
        return text.contains("permission denied")
                || text.contains("must be superuser")
                || text.contains("must be owner");
    }

    @Override
    public String engine() {
        return engine.engine();
    }

    @Override
    public String toolName() {
        return engine.toolName();
    }

    @Override
    public int headBytes() {
        return engine.headBytes();
    }

    @Override
    public int maxHeadBytes() {
        return engine.maxHeadBytes();
    }

    @Override
    public ArchiveHead readHead(byte[] head, Duration timeout) {
        return engine.readHead(head, timeout);
    }

    @Override
    public RestorePlan plan(byte[] head, RestoreSelection selection, Duration timeout) {
        return engine.plan(head, selection, timeout);
    }

    @Override
    public DatabaseState databaseState(ConnectionSpec server, String database) throws SQLException {
        return engine.databaseState(server, database);
    }

    @Override
    public void createDatabase(ConnectionSpec server, String database) throws SQLException {
        engine.createDatabase(server, database);
    }

    @Override
    public void dropDatabase(ConnectionSpec server, String database) throws SQLException {
        engine.dropDatabase(server, database);
    }

    @Override
    public DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException {
        return engine.tryLock(server, database);
    }
}
