package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import java.io.InputStream;
import java.util.Locale;

/**
 * A sandbox's restore engine when it restores as {@link UnprivilegedRestoreRole#ROLE}: the engine itself, except that
 * a failed restore whose errors say the role lacked a right ("permission denied", "must be superuser", "must be
 * owner") ends with a line naming the cause and the way out, so that the verdict explains itself.
 */
final class UnprivilegedRestoreEngine extends ForwardingRestoreEngine {

    /** The line added to such a restore's error output. */
    static final String HINT = "(restored as the unprivileged role " + UnprivilegedRestoreRole.ROLE
            + ": a dump that needs a superuser restores only with"
            + " bulwark.verifier.sandbox.postgres.restore-role: SUPERUSER)";

    UnprivilegedRestoreEngine(RestoreEngine engine) {
        super(engine);
    }

    @Override
    public RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options) {
        RestoreOutcome outcome = super.restore(archive, destination, options);
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
}
