package dev.ordersaga.localstack.bench;

import dev.ordersaga.localstack.LocalStack;
import dev.ordersaga.localstack.load.LoadDriver;
import dev.ordersaga.localstack.load.LoadSummary;
import dev.ordersaga.localstack.load.SteadyLoad;
import dev.ordersaga.localstack.load.WindowResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code local-stack.sh --bench}: measures the idle stack's CPU, probes the machine's ceiling with the
 * stack idle, warms up under a steady load without counting, then measures one fixed window per in-flight level, reading the CPU
 * time of every process from /proc at each window's start and end.
 */
public final class BenchRun {

    /** Load at a new in-flight level before its window starts, so the window sees that level's steady state. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * The idle stack is measured first, after this long with nothing measured: the services answer their
     * health checks before every relay and consumer has settled into its idle rhythm.
     */
    static final Duration IDLE_SETTLE = Duration.ofSeconds(5);
    /** How long the idle stack is measured: at /proc's 10 ms ticks, a tenth of a core is 150 ticks. */
    static final Duration IDLE_PERIOD = Duration.ofSeconds(15);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DRAIN_POLL = Duration.ofMillis(200);

    private final LocalStack stack;
    private final Instruments instruments;
    private final PrintWriter out;

    public BenchRun(LocalStack stack, PrintWriter out) {
        this.stack = stack;
        this.instruments = new Instruments(stack);
        this.out = out;
    }

    /** {@code --idle}: the idle stack's CPU, nothing else. */
    public BenchResult measureIdle() throws InterruptedException {
        return BenchResult.idleOnly(JvmSettings.of(stack), instruments.measureIdle(IDLE_SETTLE, IDLE_PERIOD, out));
    }

    public BenchResult run(BenchOptions options) throws InterruptedException {
        IdleCost idle = instruments.measureIdle(IDLE_SETTLE, IDLE_PERIOD, out);
        Ceiling ceiling = instruments.probeCeiling(out);
        List<Integer> levels = options.inFlightLevels();
        List<Measured> measured = new ArrayList<>();
        try (SteadyLoad load = SteadyLoad.start(stack.endpoints().kafkaBootstrapServers(), stack.seedData().skus(),
                stack.seedData().customerIds(), levels.get(0))) {
            keepLoad(load, "Warming up", levels.get(0), options.warmup());
            for (int i = 0; i < levels.size(); i++) {
                int level = levels.get(i);
                if (i > 0) {
                    load.inFlight(level);
                    keepLoad(load, "Settling", level, SETTLE);
                }
                CpuSnapshot cpuAtStart = instruments.cpuSnapshot();
                long start = System.nanoTime();
                keepLoad(load, "Measuring", level, options.window());
                long end = System.nanoTime();
                measured.add(new Measured(level, start, end, cpuAtStart, instruments.cpuSnapshot()));
            }
            load.stopPublishing();
            awaitDrained(load, measured, options.drain());
            List<WindowReport> windows = new ArrayList<>();
            for (Measured window : measured) {
                windows.add(window.report(load.window(window.level, window.start, window.end, options.drain())));
            }
            return new BenchResult("bench", JvmSettings.of(stack), idle, ceiling, windows);
        }
    }

    /**
     * {@code --orders N --report FILE}: the demo's fixed number of orders, measured with the same
     * instruments, as one window from the first send to the last final event.
     *
     * @param beforeLoad runs after the probes, just before the first order is sent
     */
    public OrdersMeasurement measure(LoadDriver driver, int concurrency, Runnable beforeLoad) throws InterruptedException {
        Ceiling ceiling = instruments.probeCeiling(out);
        beforeLoad.run();
        CpuSnapshot cpuAtStart = instruments.cpuSnapshot();
        LoadSummary summary = driver.run();
        CpuSnapshot cpuAtEnd = instruments.cpuSnapshot();
        WindowResult load = new WindowResult(concurrency, summary.elapsed().toNanos(), summary.completed(),
                summary.incomplete() + summary.sendFailures(), summary.duplicateFinalEvents(), summary.latencyMicros());
        return new OrdersMeasurement(summary, new BenchResult("orders", JvmSettings.of(stack), null, ceiling, List.of(new WindowReport(load,
                cpuAtEnd.millisPerSagaSince(cpuAtStart, load.completed()),
                cpuAtEnd.coresBusySince(cpuAtStart, load.windowSeconds())))));
    }

    /** The demo's own summary of an {@code --orders} run, and the same run as a benchmark result. */
    public record OrdersMeasurement(LoadSummary summary, BenchResult result) {
    }

    // A timed phase is the point here: the load runs on its own threads while this one waits and reports.
    private void keepLoad(SteadyLoad load, String phase, int level, Duration duration) throws InterruptedException {
        if (duration.isZero()) {
            return;
        }
        out.printf(Locale.ROOT, "%n%s at %d in flight for %d s...%n", phase, level, duration.toSeconds());
        out.flush();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long completedAtStart = load.completed();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(remaining, PROGRESS_INTERVAL.toNanos()));
            double elapsed = (System.nanoTime() - start) / 1e9;
            long done = load.completed() - completedAtStart;
            out.printf(Locale.ROOT, "  %3.0f s: %d finished, %.1f sagas/s%n", elapsed, done, done / elapsed);
            out.flush();
        }
    }

    private void awaitDrained(SteadyLoad load, List<Measured> measured, Duration drain) throws InterruptedException {
        long firstStart = measured.get(0).start;
        long lastEnd = measured.get(measured.size() - 1).end;
        long deadline = lastEnd + drain.toNanos();
        out.printf(Locale.ROOT, "%nWaiting up to %d s for the windows' last orders...%n", drain.toSeconds());
        out.flush();
        while (load.unfinished(firstStart, lastEnd) > 0 && deadline - System.nanoTime() > 0) {
            TimeUnit.NANOSECONDS.sleep(DRAIN_POLL.toNanos());
        }
    }

    private record Measured(int level, long start, long end, CpuSnapshot cpuAtStart, CpuSnapshot cpuAtEnd) {

        WindowReport report(WindowResult load) {
            return new WindowReport(load, cpuAtEnd.millisPerSagaSince(cpuAtStart, load.completed()),
                    cpuAtEnd.coresBusySince(cpuAtStart, load.windowSeconds()));
        }
    }
}
