package dev.ordersaga.localstack.bench;

import dev.ordersaga.localstack.LocalStack;
import dev.ordersaga.localstack.StackService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The measuring tools around a running stack: the ceiling probes and the processes whose CPU is accounted for. */
final class Instruments {

    /** The key of PostgreSQL in the CPU report: the postmaster and every process it forked. */
    static final String POSTGRESQL = "postgresql";
    /**
     * The key of this JVM in the CPU report. It hosts the Kafka broker, the payment provider simulator
     * and the load driver, which /proc cannot tell apart.
     */
    static final String LAUNCHER = "launcher";
    static final String LAUNCHER_HOSTS = "Kafka broker, payment provider simulator and load driver";

    private static final Duration PROBE_DURATION = Duration.ofSeconds(5);
    private static final String SCRATCH_DATABASE = "bench_scratch";

    private final LocalStack stack;
    private final ProcFs proc = ProcFs.system();

    Instruments(LocalStack stack) {
        this.stack = stack;
    }

    /** Probes PostgreSQL, then Kafka, one after the other so that neither slows the other down. */
    Ceiling probeCeiling(PrintWriter out) throws InterruptedException {
        out.printf("%nProbing this machine's ceiling (stack idle, %d s each)...%n", PROBE_DURATION.toSeconds());
        out.flush();
        double commits = new PostgresCommitProbe(stack.scratchDatabase(SCRATCH_DATABASE), PROBE_DURATION).commitsPerSecond();
        out.printf(Locale.ROOT, "  PostgreSQL: %.0f commits/s (%d clients, 2 inserts of 100 bytes per commit, synchronous commit)%n",
                commits, PostgresCommitProbe.CLIENTS);
        out.flush();
        double records = new KafkaThroughputProbe(stack.endpoints().kafkaBootstrapServers(), PROBE_DURATION).recordsPerSecond();
        out.printf(Locale.ROOT, "  Kafka:      %.0f records/s (one producer and one consumer, one partition)%n", records);
        Ceiling ceiling = new Ceiling(commits, records);
        out.printf(Locale.ROOT, "  Ceiling:    %.0f sagas/s (at %d commits and %d records per saga)%n",
                ceiling.sagasPerSecond(), Ceiling.COMMITS_PER_SAGA, Ceiling.RECORDS_PER_SAGA);
        out.flush();
        return ceiling;
    }

    /**
     * The stack's CPU with no order in flight: first {@code settle} of nothing measured, for the start-up
     * work that outlives the health checks (a relay's first snapshot, JIT compilation), then {@code period}.
     */
    IdleCost measureIdle(Duration settle, Duration period, PrintWriter out) throws InterruptedException {
        out.printf(Locale.ROOT, "%nMeasuring the idle stack for %d s (after %d s of settling)...%n",
                period.toSeconds(), settle.toSeconds());
        out.flush();
        TimeUnit.NANOSECONDS.sleep(settle.toNanos());
        CpuSnapshot start = cpuSnapshot();
        long startNanos = System.nanoTime();
        // A timed measurement, not a wait for a condition: the stack is meant to do nothing meanwhile.
        TimeUnit.NANOSECONDS.sleep(period.toNanos());
        CpuSnapshot end = cpuSnapshot();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        IdleCost idle = new IdleCost(seconds, end.coresBySourceSince(start, seconds), end.coresBusySince(start, seconds));
        out.println("  " + BenchReportText.idleLine(idle).replaceFirst("^Idle: +", ""));
        out.flush();
        return idle;
    }

    CpuSnapshot cpuSnapshot() {
        return CpuSnapshot.take(proc, cpuSources());
    }

    // Read anew at every snapshot: a service the stack restarted has a new pid.
    private List<CpuSource> cpuSources() {
        List<CpuSource> sources = new ArrayList<>();
        sources.add(CpuSource.processTree(POSTGRESQL, stack.postgresPid()));
        sources.add(CpuSource.process(LAUNCHER, ProcessHandle.current().pid()));
        for (StackService service : StackService.values()) {
            sources.add(CpuSource.process(service.moduleName(), stack.servicePid(service.moduleName())));
        }
        return sources;
    }
}
