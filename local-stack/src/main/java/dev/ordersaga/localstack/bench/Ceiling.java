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
     * PostgreSQL commits one saga needs on the happy path: about 10 (issue 9 counted about 10 WAL flushes
     * per saga: one transaction per message each service handles, each writing its inbox, its effect and
     * its outbox). A per-saga figure, so it must be revised if batching changes it.
     */
    static final int COMMITS_PER_SAGA = 10;

    /** Kafka records one saga moves between the four services (commands, replies and events): about 10 (issue 9). */
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
