package dev.ordersaga.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.KafkaServer;
import dev.ordersaga.infra.PostgresServer;
import dev.ordersaga.infra.ServiceDatabase;
import dev.ordersaga.provider.Behaviour;
import dev.ordersaga.provider.PaymentProviderSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: a real PostgreSQL server (one database and role
 * per service), a real Kafka broker, and the four services, each as its own OS process
 * ({@code java -jar <module>/target/<module>-exec.jar}) with its log in
 * {@code <dataDirectory>/logs/<module>.log}. Once every service reports UP, seed data goes in
 * through their REST APIs.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().freePorts().build().start()) {
 *     URI orders = stack.endpoints().orderServiceUrl();
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops everything, and a JVM shutdown hook calls it too, so Ctrl-C or the end
 * of a test run leaves no service process behind.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A JVM that writes its class-data sharing archive at exit needs a few more seconds to stop. */
    private static final Duration ARCHIVE_STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 60;
    private static final String SERVICE_LOGGING_CONFIG = "service-logback.xml";

    private final Builder settings;
    private final Path root;
    private final Path dataDirectory;
    private final Path logDirectory;
    private final boolean temporaryDataDirectory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<StackService, ServiceProcess> processes = new EnumMap<>(StackService.class);
    private final Map<StackService, ServiceDatabase> databases = new EnumMap<>(StackService.class);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private PostgresServer postgres;
    private KafkaServer kafka;
    private PaymentProviderSimulator paymentProvider;

    private LocalStack(Builder settings) {
        this.settings = settings;
        this.root = settings.rootDirectory != null ? settings.rootDirectory : ProjectRoot.locate();
        this.temporaryDataDirectory = settings.dataDirectory == null;
        this.dataDirectory = temporaryDataDirectory ? createTemporaryDirectory() : settings.dataDirectory.toAbsolutePath();
        this.logDirectory = settings.logDirectory != null
                ? settings.logDirectory.toAbsolutePath()
                : dataDirectory.resolve("logs");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts PostgreSQL, creates the services' databases, starts Kafka, launches the services, waits
     * until all are healthy and seeds them. On failure everything started so far is stopped again
     * and the exception says which service failed, with the end of its log.
     */
    public LocalStack start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("A LocalStack starts once");
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            requireServiceJars();
            requireFixedPortsFree();
            prepareDataDirectory();
            startPostgres();
            kafka = KafkaServer.start(settings.kafkaPort);
            paymentProvider = PaymentProviderSimulator.start(settings.paymentProviderPort, Behaviour.normal());
            log.info("Payment provider simulator at {}", paymentProvider.baseUrl());
            createServiceProcesses();
            processes.values().forEach(ServiceProcess::launch);
            awaitHealthy(List.copyOf(processes.values()), settings.healthTimeout);
            seed();
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the local stack", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public Endpoints endpoints() {
        requireStarted();
        Map<StackService, URI> urls = new EnumMap<>(StackService.class);
        processes.forEach((service, process) -> urls.put(service, process.baseUrl()));
        return new Endpoints(kafka.bootstrapServers(), postgres.port(), urls, databases,
                paymentProvider.baseUrl());
    }

    /**
     * The service JVMs' profile as given to the builder ({@code c1}, {@code c2}), or {@code custom} for
     * options given with {@link Builder#jvmArgs(List)}.
     */
    public String jvmProfile() {
        return settings.jvmProfile == null ? "custom" : settings.jvmProfile.label();
    }

    /** The JVM options every service process runs with, class-data sharing's per-service archive aside. */
    public List<String> serviceJvmArgs() {
        return settings.jvmArgs;
    }

    /** Whether the services start with class-data sharing ({@link Builder#classDataSharing(boolean)}). */
    public boolean classDataSharing() {
        return settings.classDataSharing;
    }

    public SeedData seedData() {
        return settings.seedData;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Where the services' logs go: {@code <dataDirectory>/logs} unless configured. */
    public Path logDirectory() {
        return logDirectory;
    }

    /** The operating system's process id of a running service, by module name, e.g. {@code order-service}. */
    public long servicePid(String service) {
        return process(service).pid();
    }

    /** The process id of PostgreSQL's postmaster, the parent of every other PostgreSQL process of the stack. */
    public long postgresPid() {
        requireStarted();
        Path pidFile = postgresDataDirectory().resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            // The first line of postmaster.pid is the postmaster's pid.
            return Long.parseLong(lines.findFirst().orElseThrow(() -> new IllegalStateException(pidFile + " is empty")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
    }

    /**
     * Creates (or reuses) a database with its own owning role on the stack's PostgreSQL, for measurements
     * that must not touch the services' data; its password is its name, as the services' are.
     */
    public ServiceDatabase scratchDatabase(String name) {
        requireStarted();
        return postgres.createDatabase(name, name, name);
    }

    /** The log file of a service, by module name, e.g. {@code order-service}. */
    public Path logFile(String service) {
        return process(service).logFile();
    }

    public boolean isRunning(String service) {
        return process(service).isAlive();
    }

    /** Graceful stop (SIGTERM, then SIGKILL after 20 s), as an orchestrator would stop a pod. */
    public void stopService(String service) {
        process(service).stop(STOP_GRACE);
    }

    /** SIGKILL, as a crash would: the service gets no chance to finish what it was doing. */
    public void killService(String service) {
        process(service).kill();
    }

    /** Launches a stopped or killed service again, with the same port and arguments, and waits until it is UP. */
    public void startService(String service) {
        ServiceProcess process = process(service);
        process.launch();
        try {
            awaitHealthy(List.of(process), settings.healthTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + service, e);
        }
    }

    /**
     * Stops the services (SIGTERM, all at once; SIGKILL for any still running after 20 s, 60 s when one
     * writes its class-data sharing archive), then Kafka,
     * then PostgreSQL, and deletes a temporary data directory. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
        stopServices();
        quietly("stop the payment provider", () -> {
            if (paymentProvider != null) {
                paymentProvider.close();
            }
        });
        quietly("stop Kafka", () -> {
            if (kafka != null) {
                kafka.close();
            }
        });
        quietly("stop PostgreSQL", () -> {
            if (postgres != null) {
                postgres.close();
            }
        });
        if (temporaryDataDirectory) {
            quietly("delete " + dataDirectory, () -> Directories.deleteRecursively(dataDirectory));
        }
        log.info("Local stack stopped");
    }

    // One grace period for all: they were all asked to stop at the same moment.
    private void stopServices() {
        processes.values().forEach(process -> quietly("stop " + process.service().moduleName(), process::requestStop));
        Duration grace = processes.values().stream().anyMatch(ServiceProcess::writesArchiveAtExit)
                ? ARCHIVE_STOP_GRACE
                : STOP_GRACE;
        long deadline = System.nanoTime() + grace.toNanos();
        processes.values().forEach(process -> quietly("stop " + process.service().moduleName(),
                () -> process.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))));
    }

    private void requireServiceJars() {
        List<Path> missing = settings.servicePorts.keySet().stream()
                .map(service -> ProjectRoot.executableJar(root, service))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Service jars not built: " + missing
                    + "; build them with ./mvnw -DskipTests package in " + root);
        }
    }

    private void requireFixedPortsFree() {
        Ports.requireFree(settings.postgresPort, "PostgreSQL", "--postgres-port");
        Ports.requireFree(settings.kafkaPort, "Kafka", "--kafka-port");
        Ports.requireFree(settings.paymentProviderPort, "the payment provider", "--provider-port");
        settings.servicePorts.forEach((service, port) ->
                Ports.requireFree(port, service.moduleName(), "--base-port or --" + service.moduleName() + "-port"));
    }

    private void prepareDataDirectory() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare data directory " + dataDirectory, e);
        }
    }

    private void startPostgres() {
        postgres = PostgresServer.start(settings.postgresPort, postgresDataDirectory(), false, settings.postgresSettings);
        for (StackService service : settings.servicePorts.keySet()) {
            databases.put(service, postgres.createDatabase(service.database(), service.role(), service.password()));
        }
    }

    private Path postgresDataDirectory() {
        return dataDirectory.resolve("postgres");
    }

    private void createServiceProcesses() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path loggingConfig = settings.asyncServiceLogs ? writeServiceLoggingConfig() : null;
        Map<StackService, ClassDataSharing.Launch> launches = launchesOf(java);
        settings.servicePorts.forEach((service, configuredPort) -> {
            int port = configuredPort == 0 ? Ports.free() : configuredPort;
            ServiceDatabase database = databases.get(service);
            ClassDataSharing.Launch launch = launches.get(service);
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(settings.jvmArgs);
            command.addAll(launch.jvmArgs());
            command.add("-jar");
            command.add(launch.jar().toString());
            command.add("--server.port=" + port);
            command.add("--spring.datasource.url=" + database.jdbcUrl());
            command.add("--spring.datasource.username=" + database.username());
            command.add("--spring.datasource.password=" + database.password());
            command.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            if (service == StackService.PAYMENT_SERVICE) {
                command.add("--payment.provider.url=" + paymentProvider.baseUrl());
            }
            if (loggingConfig != null) {
                command.add("--logging.config=" + loggingConfig);
            }
            command.addAll(settings.commonServiceArgs);
            command.addAll(settings.serviceArgs.getOrDefault(service, List.of()));
            processes.put(service, new ServiceProcess(service, command,
                    logDirectory.resolve(service.moduleName() + ".log"),
                    dataDirectory.resolve("work").resolve(service.moduleName()),
                    URI.create("http://localhost:" + port), launch.archiveWrittenAtExit().orElse(null)));
        });
    }

    private Path writeServiceLoggingConfig() {
        Path file = dataDirectory.resolve(SERVICE_LOGGING_CONFIG);
        try (InputStream config = LocalStack.class.getResourceAsStream("/" + SERVICE_LOGGING_CONFIG)) {
            if (config == null) {
                throw new IllegalStateException(SERVICE_LOGGING_CONFIG + " is missing from the launcher's class path");
            }
            Files.copy(config, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    // The jars are extracted side by side: most of the time goes to writing files, not to the cores.
    private Map<StackService, ClassDataSharing.Launch> launchesOf(String java) {
        Map<StackService, Path> jars = new EnumMap<>(StackService.class);
        settings.servicePorts.keySet().forEach(service -> jars.put(service, ProjectRoot.executableJar(root, service)));
        if (!settings.classDataSharing) {
            Map<StackService, ClassDataSharing.Launch> plain = new EnumMap<>(StackService.class);
            jars.forEach((service, jar) -> plain.put(service, new ClassDataSharing.Launch(jar, List.of())));
            return plain;
        }
        Map<StackService, ClassDataSharing.Launch> launches = ClassDataSharing.prepareAll(java, jars, jar -> jar.resolveSibling("cds"));
        launches.forEach((service, launch) -> {
            if (launch.writesArchive()) {
                log.info("{} writes its class-data sharing archive when it stops; later starts map it", service.moduleName());
            }
        });
        return launches;
    }

    private void awaitHealthy(List<ServiceProcess> waitingFor, Duration timeout) throws InterruptedException {
        HealthProbe probe = new HealthProbe(http, json);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(waitingFor);
        long startedAt = System.nanoTime();
        while (!pending.isEmpty()) {
            for (ServiceProcess process : List.copyOf(pending)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.service().moduleName() + " " + process.exitDescription()
                            + " before it became healthy. Last lines of " + process.logFile() + ":"
                            + System.lineSeparator() + process.logTail(LOG_TAIL_LINES));
                }
                if (probe.isUp(process.baseUrl())) {
                    pending.remove(process);
                    log.info("{} is UP at {}", process.service().moduleName(), process.baseUrl());
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw notHealthyInTime(pending.get(0), timeout);
                }
                // Waiting on the process, not sleeping: a crash ends the pause at once.
                pending.get(0).stillAliveAfter(HEALTH_POLL);
            }
        }
        log.info("Healthy after {} ms: {}", Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
                waitingFor.stream().map(process -> process.service().moduleName()).toList());
    }

    private static IllegalStateException notHealthyInTime(ServiceProcess process, Duration timeout) {
        return new IllegalStateException(process.service().moduleName() + " was not healthy at " + process.baseUrl()
                + "/actuator/health within " + timeout.toSeconds() + " s. Last lines of " + process.logFile() + ":"
                + System.lineSeparator() + process.logTail(LOG_TAIL_LINES));
    }

    private void seed() throws InterruptedException {
        SeedData data = settings.seedData;
        if (data.products().isEmpty() && data.accounts().isEmpty()) {
            return;
        }
        ServiceProcess inventory = processes.get(StackService.INVENTORY_SERVICE);
        ServiceProcess payment = processes.get(StackService.PAYMENT_SERVICE);
        if (inventory == null || payment == null) {
            throw new IllegalStateException("Seeding needs inventory-service and payment-service in the stack");
        }
        new Seeder(http, json).seed(data, inventory.baseUrl(), payment.baseUrl());
        log.info("Seeded {} products and {} customer accounts", data.products().size(), data.accounts().size());
    }

    private ServiceProcess process(String service) {
        requireStarted();
        ServiceProcess process = processes.get(StackService.byName(service));
        if (process == null) {
            throw new IllegalArgumentException(service + " is not part of this stack");
        }
        return process;
    }

    private void requireStarted() {
        if (!started.get() || closed.get()) {
            throw new IllegalStateException("The local stack is not running");
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is exiting and runs the hook anyway; close() is idempotent.
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("ordersaga-local-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary data directory", e);
        }
    }

    private static void quietly(String action, ThrowingAction step) {
        try {
            step.run();
        } catch (Exception e) {
            log.warn("Could not {}: {}", action, e.toString());
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    /** Settings of a stack; every port defaults to the documented one, 0 means a free port. */
    public static final class Builder {

        /** The {@link JvmProfile#C1} options: the services' JVM options unless a profile or options are given. */
        public static final List<String> DEFAULT_JVM_ARGS = JvmProfile.C1.serviceJvmArgs();

        private int postgresPort = 5432;
        private int kafkaPort = 9092;
        private int paymentProviderPort = 8090;
        private final Map<StackService, Integer> servicePorts = new LinkedHashMap<>();
        private Path dataDirectory;
        private Path logDirectory;
        private Path rootDirectory;
        /** C1 by default: what a cold stack starts and runs a short load fastest with (see {@link JvmProfile}). */
        private JvmProfile jvmProfile = JvmProfile.C1;
        private List<String> jvmArgs = DEFAULT_JVM_ARGS;
        private boolean classDataSharing;
        private boolean asyncServiceLogs;
        private final Map<String, String> postgresSettings = new LinkedHashMap<>();
        private final List<String> commonServiceArgs = new ArrayList<>();
        private final Map<StackService, List<String>> serviceArgs = new EnumMap<>(StackService.class);
        private Duration healthTimeout = Duration.ofSeconds(120);
        private SeedData seedData = SeedData.standard();

        private Builder() {
            for (StackService service : StackService.values()) {
                servicePorts.put(service, service.defaultPort());
            }
        }

        public Builder postgresPort(int port) {
            this.postgresPort = requirePort(port);
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = requirePort(port);
            return this;
        }

        /** The simulated payment provider, which runs inside this JVM (default 8090). */
        public Builder paymentProviderPort(int port) {
            this.paymentProviderPort = requirePort(port);
            return this;
        }

        public Builder servicePort(StackService service, int port) {
            servicePorts.put(service, requirePort(port));
            return this;
        }

        /** The services get consecutive ports from {@code basePort}, in catalogue order (8081 gives 8081..8084). */
        public Builder basePort(int basePort) {
            requirePort(basePort);
            for (StackService service : StackService.values()) {
                servicePorts.put(service, basePort == 0 ? 0 : requirePort(basePort + service.ordinal()));
            }
            return this;
        }

        /** Every server on a free port: for tests that run beside other stacks. */
        public Builder freePorts() {
            return postgresPort(0).kafkaPort(0).paymentProviderPort(0).basePort(0);
        }

        /** Where PostgreSQL's data and the logs go; kept on close. Absent: a temporary directory, deleted on close. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * Where the services' logs go, kept on close (default {@code <dataDirectory>/logs}). Useful with a
         * temporary data directory, e.g. to keep a test run's logs in {@code target/}.
         */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory;
            return this;
        }

        /** The project root holding the service modules; absent: see {@link ProjectRoot#locate()}. */
        public Builder rootDirectory(Path rootDirectory) {
            this.rootDirectory = rootDirectory;
            return this;
        }

        /** JVM options of each service process (default {@link #DEFAULT_JVM_ARGS}); replaces a profile. */
        public Builder jvmArgs(List<String> jvmArgs) {
            this.jvmProfile = null;
            this.jvmArgs = List.copyOf(jvmArgs);
            return this;
        }

        /** The service processes' JVM options by profile (default {@link JvmProfile#C1}). */
        public Builder jvmProfile(JvmProfile profile) {
            this.jvmProfile = profile;
            this.jvmArgs = profile.serviceJvmArgs();
            return this;
        }

        /**
         * Start the services with application class-data sharing (off by default): the first start after
         * a build extracts each jar under {@code <module>/target/cds/} and writes an archive when the
         * service stops; later starts map it. See {@link ClassDataSharing}.
         */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /**
         * Services write their log lines through a queue on a thread of their own (off by default): see
         * {@code service-logback.xml}. Lines still queued when a service is killed are lost, which is why the
         * crash tests keep the default.
         */
        public Builder asyncServiceLogs(boolean enabled) {
            this.asyncServiceLogs = enabled;
            return this;
        }

        /** PostgreSQL settings on top of the stack's own ({@code PostgresServer}'s); they override those. */
        public Builder postgresSettings(Map<String, String> settings) {
            postgresSettings.putAll(settings);
            return this;
        }

        /** Extra command-line arguments for every service, e.g. {@code --logging.level.root=DEBUG}. */
        public Builder serviceArgs(String... args) {
            commonServiceArgs.addAll(List.of(args));
            return this;
        }

        /** Extra command-line arguments for one service. */
        public Builder serviceArgs(StackService service, String... args) {
            serviceArgs.computeIfAbsent(service, ignored -> new ArrayList<>()).addAll(List.of(args));
            return this;
        }

        public Builder healthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
            return this;
        }

        /** What to seed once the services are up (default {@link SeedData#standard()}). */
        public Builder seedData(SeedData seedData) {
            this.seedData = seedData;
            return this;
        }

        /** A stack with a snapshot of these settings; later changes to this builder do not affect it. */
        public LocalStack build() {
            return new LocalStack(copy());
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.postgresPort = postgresPort;
            copy.kafkaPort = kafkaPort;
            copy.paymentProviderPort = paymentProviderPort;
            copy.servicePorts.putAll(servicePorts);
            copy.dataDirectory = dataDirectory;
            copy.logDirectory = logDirectory;
            copy.rootDirectory = rootDirectory;
            copy.jvmProfile = jvmProfile;
            copy.jvmArgs = jvmArgs;
            copy.classDataSharing = classDataSharing;
            copy.asyncServiceLogs = asyncServiceLogs;
            copy.postgresSettings.putAll(postgresSettings);
            copy.commonServiceArgs.addAll(commonServiceArgs);
            serviceArgs.forEach((service, args) -> copy.serviceArgs.put(service, List.copyOf(args)));
            copy.healthTimeout = healthTimeout;
            copy.seedData = seedData;
            return copy;
        }

        private static int requirePort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
