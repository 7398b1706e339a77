package io.bulwark.localstack.cli;

/**
 * Why a client command stopped, for a person (never printed with a stack trace), and the exit code it ends with
 * ({@link CliExit}).
 */
public final class CliException extends RuntimeException {

    private final int exitCode;
    private final int status;

    /**
     * @param exitCode one of {@link CliExit}'s codes
     * @param status the HTTP status the API answered, 0 when it did not answer
     * @param message what went wrong, naming the cause
     */
    public CliException(int exitCode, int status, String message) {
        super(message);
        this.exitCode = exitCode;
        this.status = status;
    }

    /** A failure before any call, e.g. no API URL known: exit code {@link CliExit#USAGE}. */
    public static CliException usage(String message) {
        return new CliException(CliExit.USAGE, 0, message);
    }

    /** The exit code this failure ends the command with. */
    public int exitCode() {
        return exitCode;
    }

    /** The HTTP status the API answered, 0 when it did not answer. */
    public int status() {
        return status;
    }
}
