package io.bulwark.localstack.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bulwark bench}: the benchmarks, one subcommand each ({@code capture}, {@code verify}, {@code restore}, {@code scale}).
 * Without a subcommand it prints its usage.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks on this machine's PostgreSQL with real Kafka, S3 and service jars; run by hand, never by the"
                    + " build.",
        },
        subcommands = {
            CaptureBenchCommand.class,
            VerifyBenchCommand.class,
            RestoreBenchCommand.class,
            ScaleBenchCommand.class
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
