package dev.ordersaga.localstack.bench;

import dev.ordersaga.localstack.load.WindowResult;
import java.util.Map;

/**
 * One measuring window: what the load saw, and what it cost.
 *
 * @param load           completed, lost, duplicated, rate and latency
 * @param cpuMsPerSaga   CPU milliseconds per completed saga, by process (see {@link Instruments})
 * @param coresBusy      the whole machine's non-idle time over the window, in cores
 */
record WindowReport(WindowResult load, Map<String, Double> cpuMsPerSaga, double coresBusy) {

    WindowReport {
        cpuMsPerSaga = Map.copyOf(cpuMsPerSaga);
    }

    double cpuMsPerSagaTotal() {
        return cpuMsPerSaga.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
