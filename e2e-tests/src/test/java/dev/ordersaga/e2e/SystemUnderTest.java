package dev.ordersaga.e2e;

import dev.ordersaga.localstack.Endpoints;
import dev.ordersaga.localstack.LocalStack;
import dev.ordersaga.localstack.StackService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The running system the scenarios talk to: by default one embedded {@link LocalStack} per JVM
 * (free ports, temporary data, service logs in {@code target/e2e-logs}); with
 * {@code -De2e.target=external} a system that is already running, e.g. docker-compose's.
 *
 * @param kafkaBootstrapServers Kafka {@code host:port}
 * @param orderService          order-service base URL
 * @param inventoryService      inventory-service base URL
 * @param paymentService        payment-service base URL
 * @param sagaOrchestrator      saga-orchestrator base URL
 * @param paymentProvider       the simulated payment provider's base URL
 * @param localStack            the embedded stack, to stop, kill and restart services; null when external
 */
record SystemUnderTest(
        String kafkaBootstrapServers,
        URI orderService,
        URI inventoryService,
        URI paymentService,
        URI sagaOrchestrator,
        URI paymentProvider,
        LocalStack localStack) {

    /**
     * Step timeouts short enough that the deadline scenarios finish in seconds: inventory answers in
     * milliseconds, so 3 s means it is down; charge-payment keeps 15 s so a payment-service restart fits
     * in its first deadline.
     */
    static final String[] ORCHESTRATOR_ARGS = {
            "--saga.step-timeouts.reserve-inventory=3s",
            "--saga.step-timeouts.charge-payment=15s",
            "--saga.deadline-poll-interval=250ms"};

    private static SystemUnderTest instance;
    private static RuntimeException startFailure;

    /**
     * Started (or located) on first use; the local stack stops itself when the JVM exits. A failed
     * start is not retried: every later test class fails at once with the same cause.
     */
    static synchronized SystemUnderTest get() {
        if (startFailure != null) {
            throw new IllegalStateException("The system under test did not start", startFailure);
        }
        if (instance == null) {
            try {
                instance = "external".equals(System.getProperty("e2e.target")) ? external() : embedded();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static SystemUnderTest external() {
        return new SystemUnderTest(
                System.getProperty("e2e.kafka", "localhost:9092"),
                URI.create(System.getProperty("e2e.order-url", "http://localhost:8081")),
                URI.create(System.getProperty("e2e.inventory-url", "http://localhost:8082")),
                URI.create(System.getProperty("e2e.payment-url", "http://localhost:8083")),
                URI.create(System.getProperty("e2e.saga-url", "http://localhost:8084")),
                URI.create(System.getProperty("e2e.provider-url", "http://localhost:8090")),
                null);
    }

    private static SystemUnderTest embedded() {
        Path logs = Path.of(System.getProperty("e2e.log-dir", "target/e2e-logs"));
        Duration startupTimeout = Duration.ofSeconds(Long.getLong("e2e.startup-timeout-seconds", 180));
        LocalStack stack = LocalStack.builder()
                .freePorts()
                .logDirectory(logs)
                .healthTimeout(startupTimeout)
                .serviceArgs(StackService.SAGA_ORCHESTRATOR, ORCHESTRATOR_ARGS)
                .build()
                .start();
        Endpoints endpoints = stack.endpoints();
        return new SystemUnderTest(
                endpoints.kafkaBootstrapServers(),
                endpoints.orderServiceUrl(),
                endpoints.inventoryServiceUrl(),
                endpoints.paymentServiceUrl(),
                endpoints.sagaOrchestratorUrl(),
                endpoints.paymentProviderUrl(),
                stack);
    }
}
