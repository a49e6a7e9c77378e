package dev.ordersaga.localstack.bench;

import dev.ordersaga.localstack.LocalStack;
import dev.ordersaga.localstack.StackService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
