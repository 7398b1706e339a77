package io.bulwark.localstack.bench;

import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of the capture benchmark: what an operator would run by hand, {@code pg_dump -Fc -Z0 <db> | zstd -3 |
 * tee <file> | sha256sum} under {@code bash -o pipefail}. Like the dump-worker it dumps in custom format without
 * pg_dump's own compression, compresses with zstd level 3, checksums with SHA-256 and writes the artifact somewhere
 * (a local file instead of the object store). The password reaches {@code pg_dump} through a private {@code PGPASSFILE} only.
 */
final class BarePipeline {

    /** The script; {@code $1} is the pg_dump binary, {@code $2} the database, {@code $3} the artifact file. */
    static final String SCRIPT = "\"$1\" -Fc -Z0 \"$2\" | zstd -3 | tee \"$3\" | sha256sum";

    /**
     * The same pipeline doing the dump-worker's whole work: it also hashes the raw dump, as the manifest records
     * both checksums ({@code $3.raw.sha256} holds that hash).
     */
    static final String HASHED_SCRIPT =
            "\"$1\" -Fc -Z0 \"$2\" | tee >(sha256sum > \"$3.raw.sha256\") | zstd -3 | tee \"$3\" | sha256sum";

    /**
     * The encrypted pipeline: the same, with {@code gpg} encrypting the compressed bytes to a public key file between
     * {@code zstd} and {@code tee}, as the dump-worker does: no compression of its own ({@code -z 0}: the input is
     * zstd), its default cipher (AES-256) and integrity protection. {@code $4} is the public key file, {@code $5} the
     * GnuPG home.
     */
    static final String ENCRYPTED_SCRIPT = "\"$1\" -Fc -Z0 \"$2\" | zstd -3 | GNUPGHOME=\"$5\" gpg --batch --no-tty -q"
            + " --trust-model always -z 0 --recipient-file \"$4\" --encrypt | tee \"$3\" | sha256sum";

    /** An untimed read of the whole database, so that every timed run finds it in the page cache. */
    static final String WARM_UP_SCRIPT = "\"$1\" -Fc -Z0 \"$2\" > /dev/null";

    private final ProcessRunner runner;
    private final String pgDump;
    private final Duration timeout;

    /**
     * @param runner runs bash
     * @param pgDump the pg_dump binary, the one the dump-worker would pick
     * @param timeout how long one run may take
     */
    BarePipeline(ProcessRunner runner, String pgDump, Duration timeout) {
        this.runner = runner;
        this.pgDump = pgDump;
        this.timeout = timeout;
    }

    /**
     * One run's outcome.
     *
     * @param millis wall-clock milliseconds of the whole pipeline
     * @param artifactBytes size of the file {@code tee} wrote
     * @param sha256 what {@code sha256sum} printed
     */
    record Run(long millis, long artifactBytes, String sha256) {}

    /** The pipeline for people to read, e.g. {@code /usr/lib/postgresql/17/bin/pg_dump -Fc -Z0 db | zstd -3 | ...}. */
    String display(String database, Path artifact) {
        return pgDump + " -Fc -Z0 " + database + " | zstd -3 | tee " + artifact + " | sha256sum";
    }

    /** The command of one run. */
    ProcessRunner.Command command(PostgresConnectionSpec spec, Path artifact) {
        return bash(SCRIPT, spec, artifact.toString());
    }

    /** The command of one run of {@link #ENCRYPTED_SCRIPT}. */
    ProcessRunner.Command encryptedCommand(PostgresConnectionSpec spec, Path artifact, Path publicKey, Path gnupgHome) {
        return bash(ENCRYPTED_SCRIPT, spec, artifact.toString(), publicKey.toString(), gnupgHome.toString());
    }

    /** The encrypted pipeline for people to read. */
    String displayEncrypted(String database, Path artifact) {
        return pgDump + " -Fc -Z0 " + database + " | zstd -3 | gpg --batch --trust-model always -z 0 --recipient-file"
                + " PUBLIC_KEY --encrypt | tee " + artifact + " | sha256sum";
    }

    /** The command of one run of {@link #HASHED_SCRIPT}. */
    ProcessRunner.Command hashedCommand(PostgresConnectionSpec spec, Path artifact) {
        return bash(HASHED_SCRIPT, spec, artifact.toString());
    }

    /** The command of the warm-up read. */
    ProcessRunner.Command warmUpCommand(PostgresConnectionSpec spec) {
        return bash(WARM_UP_SCRIPT, spec);
    }

    private ProcessRunner.Command bash(String script, PostgresConnectionSpec spec, String... more) {
        List<String> argv = new ArrayList<>(
                List.of("bash", "-o", "pipefail", "-c", script, "bulwark-bench", pgDump, spec.database()));
        argv.addAll(List.of(more));
        return spec.toolCommand(argv, timeout);
    }

    /**
     * Reads the whole database once without timing it.
     *
     * @throws IllegalStateException when pg_dump fails
     */
    void warmUp(PostgresConnectionSpec spec) {
        ProcessRunner.Result r = runner.run(warmUpCommand(spec));
        if (!r.succeeded()) {
            throw new IllegalStateException("warm-up pg_dump failed" + describe(r));
        }
    }

    /**
     * Runs the pipeline once, replacing {@code artifact}.
     *
     * @return its wall-clock time, the artifact's size and its checksum
     * @throws IllegalStateException when any part of the pipeline fails, with its error output
     */
    Run run(PostgresConnectionSpec spec, Path artifact) {
        return run(command(spec, artifact), artifact);
    }

    /**
     * Runs {@link #HASHED_SCRIPT} once, replacing {@code artifact}.
     *
     * @throws IllegalStateException when any part of the pipeline fails
     */
    Run runHashed(PostgresConnectionSpec spec, Path artifact) {
        return run(hashedCommand(spec, artifact), artifact);
    }

    /**
     * Runs {@link #ENCRYPTED_SCRIPT} once, replacing {@code artifact}.
     *
     * @param publicKey the OpenPGP public key file to encrypt to
     * @param gnupgHome an existing folder gpg may use as its home
     * @throws IllegalStateException when any part of the pipeline fails
     */
    Run runEncrypted(PostgresConnectionSpec spec, Path artifact, Path publicKey, Path gnupgHome) {
        return run(encryptedCommand(spec, artifact, publicKey, gnupgHome), artifact);
    }

    private Run run(ProcessRunner.Command command, Path artifact) {
        try {
            Files.createDirectories(artifact.toAbsolutePath().getParent());
            Files.deleteIfExists(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + artifact, e);
        }
        long started = System.nanoTime();
        ProcessRunner.Result r = runner.run(command);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!r.succeeded()) {
            throw new IllegalStateException("the bare pipeline failed" + describe(r));
        }
        try {
            return new Run(millis, Files.size(artifact), r.stdout().strip().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + artifact, e);
        }
    }

    private String describe(ProcessRunner.Result r) {
        return (r.timedOut() ? " (killed after " + timeout + ")" : " (exit " + r.exitCode() + ")") + ": "
                + orNone(r.stderr());
    }

    private static String orNone(String stderr) {
        return stderr.isBlank() ? "(no error output)" : stderr;
    }
}
