package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real /proc of the machine the tests run on (the benchmark runs on Linux only). */
class ProcFsTest {

    private final ProcFs proc = ProcFs.system();

    @Test
    void thisJvmIsAmongTheProcessesWithItsParentAndTheCpuItHasUsed() {
        ProcessHandle self = ProcessHandle.current();

        Map<Long, ProcStat> processes = proc.processes();

        ProcStat stat = processes.get(self.pid());
        assertThat(stat).isNotNull();
        assertThat(stat.ppid()).isEqualTo(self.parent().orElseThrow().pid());
        // A JVM that has loaded JUnit has used well over one tick of CPU.
        assertThat(stat.ownTicks()).isPositive();
    }

    @Test
    void theMachineHasBeenBusyAtSomePoint() {
        assertThat(proc.systemCpu().busyTicks()).isPositive();
    }
}
