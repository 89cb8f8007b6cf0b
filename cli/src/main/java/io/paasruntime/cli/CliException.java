package io.paasruntime.cli;

/**
 * A failure the CLI explains in one line ({@code error: <message>}) and exits with
 * {@link #exitCode()}: 1 for failures, 2 for usage mistakes found after parsing.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(String message) {
        this(message, 1);
    }

    public CliException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException notLoggedIn() {
        return new CliException("not logged in; run paas login");
    }
}
