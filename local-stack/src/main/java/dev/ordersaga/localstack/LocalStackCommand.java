package dev.ordersaga.localstack;

import dev.ordersaga.localstack.bench.BenchOptions;
import dev.ordersaga.localstack.bench.BenchReportJson;
import dev.ordersaga.localstack.bench.BenchReportText;
import dev.ordersaga.localstack.bench.BenchResult;
import dev.ordersaga.localstack.bench.BenchRun;
import dev.ordersaga.localstack.load.LoadDriver;
import dev.ordersaga.localstack.load.LoadOptions;
import dev.ordersaga.localstack.load.LoadSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code local-stack.sh}: the whole system on this machine, optionally under a demo or benchmark load. */
@Command(
        name = "local-stack",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Starts PostgreSQL, Kafka and the four services (each as its own process), seeds 20 products and 50"
                    + " customers, and prints where everything listens.",
            "Without --orders it runs until Ctrl-C. With --orders N it publishes N PlaceOrder requests, reports"
                    + " throughput and latency, stops everything and exits: 0 if every order reached a final state,"
                    + " 1 if not.",
            "With --bench it probes this machine's ceiling (PostgreSQL commits/s, Kafka records/s), warms up"
                    + " without counting, then measures a fixed window at --in-flight orders in flight (--sweep: at 1,"
                    + " 16, 64 and 256) and reports completed, lost and duplicated orders, sagas/s and its share of the"
                    + " ceiling, latency percentiles and CPU ms per saga of each process, after the idle stack's CPU."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every order finished (or the stack was stopped with Ctrl-C)",
            "1:the stack did not start, some order did not finish, or a benchmark window lost or duplicated an order",
            "2:invalid command line"
        })
public final class LocalStackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", description = "Publish N orders, report, then exit.")
    private Integer orders;

    @Option(names = {"--in-flight", "--concurrency"}, paramLabel = "C", defaultValue = "64",
            description = "Most orders in flight at once; with --bench, the number kept in flight (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--bench", description = "Benchmark: probe the ceiling, warm up, measure a window, report, exit.")
    private boolean bench;

    @Option(names = "--sweep", description = "Benchmark with one window at each of 1, 16, 64 and 256 in flight (implies --bench).")
    private boolean sweep;

    @Option(names = "--idle", description = "Measure the idle stack's CPU (services up, no orders) for 15 s after 5 s"
            + " of settling, report it by process, exit. --bench and --sweep measure it too, before the probes.")
    private boolean idle;

    @Option(names = "--jvm", paramLabel = "c1|c2",
            description = "The services' JVM profile, the launcher's through local-stack.sh: c1 (C1 only, the default:"
                    + " fastest start, and the least CPU per saga over a benchmark's minutes) or c2 (tiered up to C2"
                    + " with 2 compiler threads: its compile burst outweighs its faster code within the default bench).")
    private JvmProfile jvm;

    @Option(names = "--cds", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Start the services with class-data sharing: the first run after a build extracts the jars"
                    + " under <module>/target/cds/ and writes an archive at exit, later runs start from it"
                    + " (default: off, see docs/adr/0015-runtime-tuning.md).")
    private boolean classDataSharing;

    @Option(names = "--postgres-setting", paramLabel = "NAME=VALUE",
            description = "A PostgreSQL setting on top of the stack's own, repeatable, e.g. --postgres-setting"
                    + " commit_delay=100 (synchronous_commit stays on unless set here).")
    private Map<String, String> postgresSettings = new LinkedHashMap<>();

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Benchmark load before the first window, not counted; 0 for none (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Length of each measuring window (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Option(names = "--drain", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long after its window an order may still finish before it counts as lost"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration drain;

    @Option(names = "--report", paramLabel = "FILE",
            description = "With --bench, --sweep, --idle or --orders: also write the results as JSON to FILE"
                    + " (with --orders, the ceiling is probed first and the CPU of each process is read).")
    private Path report;

    @Option(names = "--completion-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the last orders to finish (default: ${DEFAULT-VALUE}).")
    private int completionTimeoutSeconds;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the services may take to become healthy (default: ${DEFAULT-VALUE}).")
    private int startupTimeoutSeconds;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep PostgreSQL's data and the service logs here (default: a temporary directory,"
                    + " deleted on exit).")
    private Path dataDirectory;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "5432",
            description = "PostgreSQL port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int postgresPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--provider-port", paramLabel = "PORT", defaultValue = "8090",
            description = "Port of the simulated payment provider, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int providerPort;

    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "8081",
            description = "First service port: order, inventory, payment, saga get PORT..PORT+3,"
                    + " 0 for free ones (default: ${DEFAULT-VALUE}).")
    private int basePort;

    @Option(names = "--order-service-port", paramLabel = "PORT", description = "Overrides --base-port for order-service.")
    private Integer orderServicePort;

    @Option(names = "--inventory-service-port", paramLabel = "PORT", description = "Overrides --base-port for inventory-service.")
    private Integer inventoryServicePort;

    @Option(names = "--payment-service-port", paramLabel = "PORT", description = "Overrides --base-port for payment-service.")
    private Integer paymentServicePort;

    @Option(names = "--saga-orchestrator-port", paramLabel = "PORT", description = "Overrides --base-port for saga-orchestrator.")
    private Integer sagaOrchestratorPort;

    @Option(names = "--service-arg", paramLabel = "ARG",
            description = "Extra argument for every service, repeatable, e.g. --service-arg=--logging.level.dev.ordersaga=DEBUG")
    private List<String> serviceArgs = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LocalStackCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("local-stack failed: " + exception.getMessage());
                    return 1;
                });
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        LocalStack stack = configure().build();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting the local stack (PostgreSQL, Kafka, 4 services); the services take a while to boot...");
        out.flush();
        stack.start();
        out.println();
        out.println("order-saga local stack is up:");
        out.print(EndpointTable.format(stack.endpoints(), stack.dataDirectory(), stack.logDirectory()));
        out.flush();
        if (idle) {
            try {
                return runIdle(stack, out);
            } finally {
                stack.close();
            }
        }
        if (benchmark()) {
            try {
                return runBenchmark(stack, out);
            } finally {
                stack.close();
            }
        }
        if (orders == null) {
            out.println("Press Ctrl-C to stop.");
            out.flush();
            // Ctrl-C ends the JVM; the stack's shutdown hook stops every process it started.
            Thread.currentThread().join();
            return 0;
        }
        try {
            return runLoad(stack, out);
        } finally {
            stack.close();
        }
    }

    private int runLoad(LocalStack stack, PrintWriter out) throws InterruptedException {
        LoadDriver driver = new LoadDriver(stack.endpoints().kafkaBootstrapServers(), stack.seedData().skus(),
                stack.seedData().customerIds(), new LoadOptions(orders, concurrency, Duration.ofSeconds(completionTimeoutSeconds)),
                System.out);
        if (report == null) {
            announceLoad(out);
            return printSummary(driver.run(), out);
        }
        BenchRun.OrdersMeasurement measured = new BenchRun(stack, out).measure(driver, concurrency, () -> announceLoad(out));
        int exitCode = printSummary(measured.summary(), out);
        out.println();
        out.println(BenchReportText.format(measured.result()));
        writeReport(measured.result(), out);
        return exitCode;
    }

    private void announceLoad(PrintWriter out) {
        out.printf("%nPublishing %d orders to order.requests, at most %d in flight...%n", orders, concurrency);
        out.flush();
    }

    private static int printSummary(LoadSummary summary, PrintWriter out) {
        out.println();
        out.println(summary.format());
        out.flush();
        return summary.allOrdersFinished() ? 0 : 1;
    }

    private int runBenchmark(LocalStack stack, PrintWriter out) throws InterruptedException {
        List<Integer> levels = sweep ? BenchOptions.SWEEP_LEVELS : List.of(concurrency);
        BenchResult result = new BenchRun(stack, out).run(new BenchOptions(levels, warmup, window, drain));
        out.println();
        out.println(BenchReportText.format(result));
        writeReport(result, out);
        return result.clean() ? 0 : 1;
    }

    private int runIdle(LocalStack stack, PrintWriter out) throws InterruptedException {
        BenchResult result = new BenchRun(stack, out).measureIdle();
        out.println();
        out.println(BenchReportText.format(result));
        writeReport(result, out);
        return 0;
    }

    private void writeReport(BenchResult result, PrintWriter out) {
        if (report != null) {
            BenchReportJson.write(result, report);
            out.println("Report written to " + report.toAbsolutePath());
        }
        out.flush();
    }

    private boolean benchmark() {
        return bench || sweep;
    }

    /**
     * The explicit --jvm, else C1 for every mode: measured in one session (docs/performance.md), the default bench
     * cost 92 ms of CPU per saga under C2, still compiling after its 30 s warm-up, against 47 ms under C1.
     */
    JvmProfile jvmProfile() {
        return jvm != null ? jvm : JvmProfile.C1;
    }

    private LocalStack.Builder configure() {
        LocalStack.Builder builder = LocalStack.builder()
                .jvmProfile(jvmProfile())
                .classDataSharing(classDataSharing)
                .asyncServiceLogs(true)
                .postgresSettings(postgresSettings)
                .postgresPort(postgresPort)
                .kafkaPort(kafkaPort)
                .paymentProviderPort(providerPort)
                .basePort(basePort)
                .dataDirectory(dataDirectory)
                .healthTimeout(Duration.ofSeconds(startupTimeoutSeconds))
                .serviceArgs(serviceArgs.toArray(String[]::new));
        overridePort(builder, StackService.ORDER_SERVICE, orderServicePort);
        overridePort(builder, StackService.INVENTORY_SERVICE, inventoryServicePort);
        overridePort(builder, StackService.PAYMENT_SERVICE, paymentServicePort);
        overridePort(builder, StackService.SAGA_ORCHESTRATOR, sagaOrchestratorPort);
        return builder;
    }

    private static void overridePort(LocalStack.Builder builder, StackService service, Integer port) {
        if (port != null) {
            builder.servicePort(service, port);
        }
    }

    private void validate() {
        validateBenchmark();
        if (orders != null && orders < 1) {
            throw invalid("--orders must be at least 1");
        }
        if (concurrency < 1) {
            throw invalid("--concurrency must be at least 1");
        }
        if (startupTimeoutSeconds < 1) {
            throw invalid("--startup-timeout must be at least 1 second");
        }
        if (completionTimeoutSeconds < 1) {
            throw invalid("--completion-timeout must be at least 1 second");
        }
        requirePort("--postgres-port", postgresPort);
        requirePort("--kafka-port", kafkaPort);
        requirePort("--provider-port", providerPort);
        if (basePort != 0) {
            requirePort("--base-port", basePort + StackService.values().length - 1);
        }
        requirePort("--base-port", basePort);
        for (Integer port : new Integer[] {orderServicePort, inventoryServicePort, paymentServicePort, sagaOrchestratorPort}) {
            if (port != null) {
                requirePort("a service port", port);
            }
        }
    }

    private void validateBenchmark() {
        if (idle && (benchmark() || orders != null)) {
            throw invalid("--idle measures the idle stack only; it does not go with --bench, --sweep or --orders");
        }
        if (benchmark() && orders != null) {
            throw invalid("--bench and --sweep measure fixed time windows; they do not go with --orders");
        }
        if (sweep && matched("--in-flight")) {
            throw invalid("--sweep runs at 1, 16, 64 and 256 in flight; --in-flight/--concurrency do not go with it");
        }
        if (!benchmark() && (matched("--warmup") || matched("--window") || matched("--drain"))) {
            throw invalid("--warmup, --window and --drain need --bench or --sweep");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid("--window must be at least 1 s, not " + window.toMillis() + " ms");
        }
        if (drain.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid("--drain must be at least 1 s, not " + drain.toMillis() + " ms");
        }
        if (report != null) {
            if (!benchmark() && orders == null && !idle) {
                throw invalid("--report needs --bench, --sweep, --idle or --orders");
            }
            Path directory = report.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw invalid("--report: the directory " + directory + " does not exist");
            }
        }
    }

    // An option's names are one option to picocli: any of them finds it.
    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void requirePort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw invalid(option + " must be a port from 0 to 65535, not " + port);
        }
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
