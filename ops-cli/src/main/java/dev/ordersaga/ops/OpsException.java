package dev.ordersaga.ops;

/**
 * A failure the operator can act on: its message is the one line printed after {@code error: }, its exit code
 * one of {@link ExitCodes}. The stack trace is shown only with {@code --verbose}.
 */
public class OpsException extends RuntimeException {

    private final int exitCode;

    public OpsException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public OpsException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static OpsException failure(String message, Throwable cause) {
        return new OpsException(ExitCodes.FAILURE, message, cause);
    }

    public static OpsException notFound(String message) {
        return new OpsException(ExitCodes.NOT_FOUND, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
