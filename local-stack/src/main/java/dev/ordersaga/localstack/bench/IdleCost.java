package dev.ordersaga.localstack.bench;

import java.util.Map;

/**
 * What the stack burns with no order in flight: services up, relays polling, the broker and PostgreSQL
 * serving heartbeats. The target is at most a tenth of one core for the whole stack.
 *
 * @param seconds        how long it was measured
 * @param coresByProcess each process's CPU time over that period, in cores (see {@link Instruments})
 * @param coresBusy      the whole machine's non-idle time over that period, in cores (other processes included)
 */
record IdleCost(double seconds, Map<String, Double> coresByProcess, double coresBusy) {

    IdleCost {
        coresByProcess = Map.copyOf(coresByProcess);
    }

    /** The stack's processes together, in cores. */
    double total() {
        return coresByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
