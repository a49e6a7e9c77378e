package dev.ordersaga.ops;

/** The exit codes of every ops command; {@link OpsCli}'s help lists them (keep the two in step). */
public final class ExitCodes {

    public static final int OK = 0;
    /** A runtime failure: Kafka, the orchestrator or a database unreachable, a replay that failed, anything unexpected. */
    public static final int FAILURE = 1;
    /** An invalid command line, or a request the orchestrator rejected as invalid (HTTP 400). */
    public static final int USAGE = 2;
    /** What the command names does not exist: a topic, a partition, a saga (HTTP 404). */
    public static final int NOT_FOUND = 3;
    /** The orchestrator refused the action in the saga's current state (HTTP 409), e.g. the saga is final. */
    public static final int CONFLICT = 4;
    /** {@code audit} found at least one violation: the databases disagree about an order's money or stock. */
    public static final int INCONSISTENT = 5;
    /** Stopped by Ctrl-C (128 + SIGINT), as a shell reports it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
