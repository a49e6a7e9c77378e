package dev.ordersaga.localstack.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU ticks of each source and of the whole machine at one moment.
 *
 * @param ticksBySource in the sources' order
 */
record CpuSnapshot(Map<String, Long> ticksBySource, SystemCpu machine) {

    static CpuSnapshot take(ProcFs proc, List<CpuSource> sources) {
        Map<Long, ProcStat> processes = proc.processes();
        Map<String, Long> ticks = new LinkedHashMap<>();
        sources.forEach(source -> ticks.put(source.name(), source.ticks(processes)));
        return new CpuSnapshot(ticks, proc.systemCpu());
    }

    /** CPU milliseconds per saga of each source from {@code start} to this snapshot; empty if nothing completed. */
    Map<String, Double> millisPerSagaSince(CpuSnapshot start, long completed) {
        Map<String, Double> perSaga = new LinkedHashMap<>();
        if (completed == 0) {
            return perSaga;
        }
        ticksBySource.forEach((name, ticks) -> {
            long used = Math.max(0, ticks - start.ticksBySource.getOrDefault(name, 0L));
            perSaga.put(name, ProcFs.ticksToMillis(used) / completed);
        });
        return perSaga;
    }

    /** Each source's CPU time since {@code start} in cores kept busy on average over {@code seconds}. */
    Map<String, Double> coresBySourceSince(CpuSnapshot start, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        ticksBySource.forEach((name, ticks) -> {
            long used = Math.max(0, ticks - start.ticksBySource.getOrDefault(name, 0L));
            cores.put(name, seconds <= 0 ? 0 : used / (double) ProcFs.TICKS_PER_SECOND / seconds);
        });
        return cores;
    }

    /** The machine's non-idle time since {@code start}, in cores kept busy on average over {@code seconds}. */
    double coresBusySince(CpuSnapshot start, double seconds) {
        long busy = machine.busyTicks() - start.machine.busyTicks();
        return seconds <= 0 ? 0 : busy / (double) ProcFs.TICKS_PER_SECOND / seconds;
    }
}
