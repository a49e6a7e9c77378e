package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the ticks of /proc become CPU per saga, per process and for a process tree such as PostgreSQL's. */
class CpuAccountingTest {

    private static final long POSTMASTER = 100;

    @Test
    void aTreeCountsItsRootItsLiveChildrenAndItsEndedChildrenButNotItsGrandparentsOrStrangers() {
        Map<Long, ProcStat> processes = processes(
                new ProcStat(1, 0, 900, 900, 900, 900),
                new ProcStat(POSTMASTER, 1, 10, 5, 30, 20),
                new ProcStat(101, POSTMASTER, 200, 50, 0, 0),
                new ProcStat(102, POSTMASTER, 100, 25, 0, 0),
                new ProcStat(500, 1, 7000, 7000, 0, 0));

        assertThat(CpuSource.processTree("postgresql", POSTMASTER).ticks(processes)).isEqualTo(10 + 5 + 30 + 20 + 250 + 125);
        assertThat(CpuSource.process("order-service", 500).ticks(processes)).isEqualTo(14_000);
        assertThat(CpuSource.process("gone", 999).ticks(processes)).isZero();
    }

    @Test
    void aBackendThatEndsInTheWindowKeepsItsTimeThroughThePostmastersChildTimes() {
        CpuSource postgres = CpuSource.processTree("postgresql", POSTMASTER);
        long before = postgres.ticks(processes(new ProcStat(POSTMASTER, 1, 10, 0, 0, 0), new ProcStat(101, POSTMASTER, 300, 0, 0, 0)));
        long after = postgres.ticks(processes(new ProcStat(POSTMASTER, 1, 10, 0, 300, 0)));

        assertThat(after).isEqualTo(before);
    }

    @Test
    void millisecondsPerSagaAreTheTicksUsedInTheWindowOverTheCompletedSagas() {
        CpuSnapshot start = snapshot(Map.of("postgresql", 1_000L, "order-service", 500L), 10_000);
        CpuSnapshot end = snapshot(Map.of("postgresql", 1_300L, "order-service", 560L), 10_600);

        Map<String, Double> perSaga = end.millisPerSagaSince(start, 200);

        // 300 ticks = 3,000 ms over 200 sagas; 60 ticks = 600 ms.
        assertThat(perSaga).containsOnlyKeys("postgresql", "order-service");
        assertThat(perSaga.get("postgresql")).isCloseTo(15.0, within(1e-9));
        assertThat(perSaga.get("order-service")).isCloseTo(3.0, within(1e-9));
        // 600 busy ticks = 6 s of CPU in 4 s: 1.5 cores.
        assertThat(end.coresBusySince(start, 4.0)).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void idleCoresAreEachSourcesTicksOverThePeriod() {
        CpuSnapshot start = snapshot(Map.of("postgresql", 1_000L, "launcher", 500L), 0);
        CpuSnapshot end = snapshot(Map.of("postgresql", 1_030L, "launcher", 515L), 0);

        Map<String, Double> cores = end.coresBySourceSince(start, 15.0);

        // 30 ticks = 0.3 s of CPU in 15 s: 0.02 cores; 15 ticks: 0.01 cores.
        assertThat(cores.get("postgresql")).isCloseTo(0.02, within(1e-9));
        assertThat(cores.get("launcher")).isCloseTo(0.01, within(1e-9));
        assertThat(new IdleCost(15.0, cores, 0.1).total()).isCloseTo(0.03, within(1e-9));
    }

    @Test
    void noCompletedSagaGivesNoPerSagaFigures() {
        CpuSnapshot start = snapshot(Map.of("postgresql", 1_000L), 0);
        CpuSnapshot end = snapshot(Map.of("postgresql", 1_300L), 300);

        assertThat(end.millisPerSagaSince(start, 0)).isEmpty();
    }

    @Test
    void aRestartedServiceDoesNotGiveNegativeTime() {
        CpuSnapshot start = snapshot(Map.of("payment-service", 9_000L), 0);
        CpuSnapshot end = snapshot(Map.of("payment-service", 40L), 100);

        assertThat(end.millisPerSagaSince(start, 10)).containsEntry("payment-service", 0.0);
    }

    private static CpuSnapshot snapshot(Map<String, Long> ticks, long busyTicks) {
        return new CpuSnapshot(new LinkedHashMap<>(ticks), new SystemCpu(busyTicks, 0));
    }

    private static Map<Long, ProcStat> processes(ProcStat... stats) {
        Map<Long, ProcStat> processes = new LinkedHashMap<>();
        for (ProcStat stat : stats) {
            processes.put(stat.pid(), stat);
        }
        return processes;
    }
}
