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

    /** The exit codes as {@code code:meaning}, listed in every client command's help. */
    static final String[] LIST = {
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
     * answer bad arguments with {@link #USAGE}; lists these exit codes in the help of every client command.
     *
     * @return {@code commandLine}
     */
    public static CommandLine install(CommandLine commandLine) {
        listExitCodes(commandLine);
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

    private static void listExitCodes(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            Object user = sub.getCommandSpec().userObject();
            Class<?> type = user instanceof java.lang.reflect.Method m ? m.getDeclaringClass() : user.getClass();
            if (type.getPackageName().equals(CliExit.class.getPackageName())
                    && type != CompletionCommand.class
                    && sub.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
                java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
                for (String line : LIST) {
                    codes.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
                }
                sub.getCommandSpec()
                        .usageMessage()
                        .exitCodeListHeading("%nExit codes:%n")
                        .exitCodeList(codes);
            }
            listExitCodes(sub);
        }
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
