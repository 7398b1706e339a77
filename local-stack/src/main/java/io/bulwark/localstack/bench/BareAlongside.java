package io.bulwark.localstack.bench;

import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.localstack.bench.CaptureReport.BareFigures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bare pipeline's runs interleaved with a dump-worker series: {@link #run()} is called right before each timed
 * capture, so that the bare pipeline and ours take turns on the same machine, and a drift of the machine's speed over
 * the minutes of a benchmark (another process, PostgreSQL's checkpoints, the page cache) weighs on both alike instead
 * of on whichever ran later. Not thread-safe.
 */
final class BareAlongside implements Runnable {

    private final BarePipeline bare;
    private final PostgresConnectionSpec spec;
    private final Path artifact;
    private final OpenPgpKeyPair keys;
    private final Path gnupgHome;
    private final String label;
    private final PrintStream err;
    private final List<Long> millis = new ArrayList<>();
    private final List<Long> machineCpuMillis = new ArrayList<>();
    private long artifactBytes = -1;

    /**
     * @param keys the bench key pair, for the encrypted pipeline; null runs the plain one
     * @param gnupgHome GnuPG's home for the encrypted pipeline; null with {@code keys}
     * @param label names the runs on {@code err}, e.g. {@code s50}
     */
    BareAlongside(
            BarePipeline bare,
            PostgresConnectionSpec spec,
            Path artifact,
            OpenPgpKeyPair keys,
            Path gnupgHome,
            String label,
            PrintStream err) {
        this.bare = bare;
        this.spec = spec;
        this.artifact = artifact;
        this.keys = keys;
        this.gnupgHome = gnupgHome;
        this.label = label;
        this.err = err;
    }

    /** One bare run, timed and kept. */
    @Override
    public void run() {
        long cpuBefore = MachineCpu.busyMillis();
        BarePipeline.Run run = keys == null
                ? bare.run(spec, artifact)
                : bare.runEncrypted(spec, artifact, keys.publicKey(), gnupgHome);
        long cpu = MachineCpu.busyMillis() - cpuBefore;
        millis.add(run.millis());
        machineCpuMillis.add(cpu);
        artifactBytes = run.artifactBytes();
        err.println("bench: " + label + " bare" + (keys == null ? "" : " encrypted") + " run " + millis.size() + ": "
                + run.millis() + " ms, " + run.artifactBytes() + " bytes, " + cpu + " ms of CPU on the machine");
    }

    /**
     * The median CPU time the whole machine was busy during one run ({@link MachineCpu}), in milliseconds.
     *
     * @throws IllegalArgumentException when there were no runs
     */
    long machineCpuMillis() {
        return CaptureReport.median(machineCpuMillis);
    }

    /**
     * The runs so far.
     *
     * @throws IllegalArgumentException when there were none
     */
    BareFigures figures() {
        return new BareFigures(millis, artifactBytes);
    }
}
