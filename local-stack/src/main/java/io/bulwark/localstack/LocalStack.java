package io.bulwark.localstack;

import io.bulwark.localstack.bench.BenchCommand;
import io.bulwark.localstack.restore.RestoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the embedded default ({@code ./bulwark}): {@code demo} runs one backup of Chinook (or a given database)
 * through the whole pipeline and prints its verification; {@code up} keeps the stack running; {@code restore} restores
 * and proves a backup with nothing but the object store and the destination (disaster recovery); {@code bench} runs
 * the benchmarks; {@code backup}, {@code restores}, {@code schedules}, {@code targets}, {@code stats}, {@code report},
 * {@code retention}, {@code watch} and {@code completion} are clients of the running stack's API (package {@code cli}).
 */
@Command(
        name = "bulwark",
        mixinStandardHelpOptions = true,
        version = "bulwark " + BulwarkService.VERSION,
        description = "Backups that prove they restore: the local stack (Kafka, S3, PostgreSQL and the five services).",
        subcommands = {
            DemoCommand.class,
            UpCommand.class,
            RestoreCommand.class,
            BenchCommand.class,
            io.bulwark.localstack.keys.KeysCommand.class,
            io.bulwark.localstack.cli.BackupCommand.class,
            io.bulwark.localstack.cli.RestoresCommand.class,
            io.bulwark.localstack.cli.AlertsCommand.class,
            io.bulwark.localstack.cli.SchedulesCommand.class,
            io.bulwark.localstack.cli.TargetsCommand.class,
            io.bulwark.localstack.cli.StatsCommand.class,
            io.bulwark.localstack.cli.ReportCommand.class,
            io.bulwark.localstack.cli.RetentionCommand.class,
            io.bulwark.localstack.cli.WatchCommand.class,
            io.bulwark.localstack.cli.CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LocalStack implements Runnable {

    /** Exit code when the verification did not pass or the backup failed. */
    public static final int EXIT_NOT_PASSED = 1;
    /** Exit code for bad command-line arguments. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the backup did not finish in time. */
    public static final int EXIT_TIMEOUT = 3;
    /** Exit code when the stack could not start or broke down. */
    public static final int EXIT_STACK_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args {@code demo [options]}, {@code up [options]}, {@code bench capture [options]} or {@code --help}
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (for tests). */
    public static CommandLine commandLine() {
        return io.bulwark.localstack.cli.CliExit.install(
                new CommandLine(new LocalStack()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
