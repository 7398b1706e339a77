package io.bulwark.localstack.cli;

import picocli.CommandLine;

/**
 * The client commands' exit codes, and the picocli hooks that end a command with them: a {@link CliException} prints
 * its message (never a stack trace) on standard error and exits with its code.
 *
 * <ul>
 *   <li>{@value #OK}: done (for {@code --wait}: the backup ended VERIFIED, the restore SUCCEEDED)
 *   <li>{@value #NOT_PASSED}: the backup, its verification or the restore did not pass
 *   <li>{@value #USAGE}: bad arguments, or nothing tells where the API is
 *   <li>{@value #REFUSED}: the API refused the call (4xx: no or expired token, too small a role, unknown id, bad
 *       input, conflict)
 *   <li>{@value #UNREACHABLE}: the API cannot be reached or failed (5xx)
 *   <li>{@value #TIMEOUT}: {@code --wait} gave up after {@code --timeout}
 * </ul>
 */
public final class CliExit {

    /** Done. */
    public static final int OK = 0;
    /** The backup, its verification or the restore did not pass. */
    public static final int NOT_PASSED = 1;
    /** Bad arguments, or no API URL known. */
    public static final int USAGE = 2;
    /** The API answered 4xx. */
    public static final int REFUSED = 3;
    /** The API cannot be reached, or answered 5xx. */
    public static final int UNREACHABLE = 4;
    /** {@code --wait} timed out. */
    public static final int TIMEOUT = 5;

    /** The lines of a command's {@code exitCodeList}. */
    public static final String[] LIST = {
        "0:done (--wait: the backup ended VERIFIED, the restore SUCCEEDED)",
        "1:the backup, its verification or the restore did not pass",
        "2:bad arguments, or no API URL known",
        "3:the API refused the call (4xx: token, role, unknown id, bad input, conflict)",
        "4:the API cannot be reached, or failed (5xx)",
        "5:--wait timed out"
    };

    private CliExit() {}

    /**
     * Makes {@code commandLine} (and its subcommands) end a {@link CliException} with its message and code, and
     * answer bad arguments with {@link #USAGE}.
     *
     * @return {@code commandLine}
     */
    public static CommandLine install(CommandLine commandLine) {
        commandLine.setExitCodeExceptionMapper(CliExit::exitCodeOf);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof CliException failure) {
                cl.getErr().println("bulwark: " + failure.getMessage());
                cl.getErr().flush();
                return failure.exitCode();
            }
            throw ex;
        });
        return commandLine;
    }

    /** The exit code of {@code failure}: its own for a {@link CliException}, {@link #USAGE} for bad arguments. */
    static int exitCodeOf(Throwable failure) {
        if (failure instanceof CliException e) {
            return e.exitCode();
        }
        if (failure instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return CommandLine.ExitCode.SOFTWARE;
    }
}
