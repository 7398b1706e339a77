package io.bulwark.engines.process;

/** A program could not be started: not installed, not on the PATH, or not executable. */
public class ToolMissingException extends RuntimeException {

    private final String program;

    public ToolMissingException(String program, Throwable cause) {
        super(program + " could not be started: " + cause.getMessage(), cause);
        this.program = program;
    }

    /** The program that was asked for. */
    public String program() {
        return program;
    }
}
