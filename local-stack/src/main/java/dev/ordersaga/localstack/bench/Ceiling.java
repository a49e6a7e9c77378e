package dev.ordersaga.localstack.bench;

/**
 * What this machine can do at most, measured by the probes in the same run as the benchmark, so that
 * the saga rate can be read as a share of it even on a noisy or shared machine.
 *
 * @param commitsPerSecond PostgreSQL commits/s with a saga's commit shape
 * @param recordsPerSecond Kafka records/s through one produce and consume
 */
record Ceiling(double commitsPerSecond, double recordsPerSecond) {

    /**
     * PostgreSQL commits one saga needs on the happy path: each of the four services commits its
     * inbox-and-effect transaction per message it handles and the relays mark the outbox, about 10 in all
     * (issue 9's reading of the hot path; docs/performance.md).
     */
    static final int COMMITS_PER_SAGA = 10;

    /** Kafka records one saga moves: requests, replies and events between the four services, about 10 (same source). */
    static final int RECORDS_PER_SAGA = 10;

    /** The saga rate neither PostgreSQL nor Kafka would let the system exceed on this machine. */
    double sagasPerSecond() {
        return Math.min(commitsPerSecond / COMMITS_PER_SAGA, recordsPerSecond / RECORDS_PER_SAGA);
    }

    /** {@code sagasPerSecond} as a share of the ceiling, 0 to 1 (0 if the ceiling is unknown). */
    double shareOf(double sagasPerSecond) {
        double ceiling = sagasPerSecond();
        return ceiling <= 0 ? 0 : sagasPerSecond / ceiling;
    }
}
