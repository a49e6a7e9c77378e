package dev.ordersaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.ServiceDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against stub services (JDK HTTP servers in fake exec jars), with real PostgreSQL and Kafka. */
class LocalStackIT {

    @TempDir
    static Path projectRoot;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        FakeProjectRoot.create(projectRoot);
        stack = LocalStack.builder().freePorts().rootDirectory(projectRoot).build().start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void eachServiceIsItsOwnProcessConfiguredWithItsPortDatabaseAndKafka() throws Exception {
        Endpoints endpoints = stack.endpoints();
        for (StackService service : StackService.values()) {
            URI url = endpoints.serviceUrl(service);

            assertThat(StubClient.pid(url)).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(StubClient.args(url)).contains(
                    "--server.port=" + url.getPort(),
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + endpoints.postgresPort() + "/" + service.database(),
                    "--spring.datasource.username=" + service.role(),
                    "--spring.datasource.password=" + service.password(),
                    "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers());
        }
    }

    @Test
    void theProcessIdsTheBenchmarkReadsAreThoseOfTheServicesAndOfPostgresqlsPostmaster() throws Exception {
        Endpoints endpoints = stack.endpoints();

        assertThat(stack.servicePid("order-service")).isEqualTo(StubClient.pid(endpoints.orderServiceUrl()));
        assertThat(stack.servicePid("saga-orchestrator")).isEqualTo(StubClient.pid(endpoints.sagaOrchestratorUrl()));
        ProcessHandle postmaster = ProcessHandle.of(stack.postgresPid()).orElseThrow();
        assertThat(postmaster.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("postgres"));
        // The checkpointer, the WAL writer and the rest are its children.
        assertThat(postmaster.children()).isNotEmpty();
    }

    @Test
    void aScratchDatabaseTakesConnectionsFromItsOwnRole() throws Exception {
        ServiceDatabase scratch = stack.scratchDatabase("bench_scratch");

        try (Connection connection = DriverManager.getConnection(scratch.jdbcUrl(), scratch.username(), scratch.password())) {
            assertThat(connection.getCatalog()).isEqualTo("bench_scratch");
        }
    }

    @Test
    void productsAndAccountsAreSeededThroughTheServicesRestApis() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode products = json.readTree(stack.dataDirectory().resolve("work/inventory-service/seed-products.json").toFile());
        JsonNode accounts = json.readTree(stack.dataDirectory().resolve("work/payment-service/seed-accounts.json").toFile());

        assertThat(products).hasSize(SeedData.STANDARD_PRODUCTS);
        assertThat(products.get(0)).isEqualTo(json.readTree("{\"sku\":\"SKU-0001\",\"name\":\"Widget 1\",\"available\":100000}"));
        assertThat(accounts).hasSize(SeedData.STANDARD_CUSTOMERS);
        assertThat(accounts.get(0)).isEqualTo(json.readTree(
                "{\"customerId\":\"customer-0001\",\"balance\":{\"amount\":100000000,\"currency\":\"EUR\"}}"));
    }

    @Test
    void serviceOutputGoesToItsLogFileInTheDataDirectory() throws IOException {
        Path log = stack.logFile("order-service");

        assertThat(log).isEqualTo(stack.dataDirectory().resolve("logs/order-service.log"));
        assertThat(Files.readString(log)).contains("stub started with");
    }

    @Test
    void killedServiceRunsAgainAfterStartService() throws Exception {
        URI url = stack.endpoints().inventoryServiceUrl();
        long killedPid = StubClient.pid(url);

        stack.killService("inventory-service");

        assertThat(stack.isRunning("inventory-service")).isFalse();
        assertThat(ProcessHandle.of(killedPid).filter(ProcessHandle::isAlive)).isEmpty();

        stack.startService("inventory-service");

        assertThat(stack.isRunning("inventory-service")).isTrue();
        assertThat(StubClient.pid(url)).isNotEqualTo(killedPid);
    }

    @Test
    void stoppedServiceIsNoLongerRunning() throws Exception {
        URI url = stack.endpoints().paymentServiceUrl();

        stack.stopService("payment-service");

        assertThat(stack.isRunning("payment-service")).isFalse();
        assertThatThrownBy(() -> StubClient.pid(url)).isInstanceOf(ConnectException.class);
        stack.startService("payment-service");
    }

    @Test
    void closeStopsEveryProcessAndDeletesTheTemporaryDataDirectory() throws Exception {
        LocalStack own = LocalStack.builder().freePorts().rootDirectory(projectRoot).seedData(SeedData.none()).build().start();
        List<Long> pids = new ArrayList<>();
        for (StackService service : StackService.values()) {
            pids.add(StubClient.pid(own.endpoints().serviceUrl(service)));
        }

        own.close();
        own.close();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(own.dataDirectory()).doesNotExist();
    }

    @Test
    void startFailsWithTheLogTailOfAServiceThatDiedAndStopsTheOthers() throws IOException {
        LocalStack.Builder builder = LocalStack.builder().freePorts().rootDirectory(projectRoot)
                .serviceArgs(StackService.PAYMENT_SERVICE, "--stub.fail=true");
        List<Integer> ports = new ArrayList<>();
        for (StackService service : StackService.values()) {
            int port = freePort();
            ports.add(port);
            builder.servicePort(service, port);
        }

        assertThatThrownBy(() -> builder.build().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payment-service exited with code 3 before it became healthy")
                .hasMessageContaining("stub failing on purpose");
        for (int port : ports) {
            assertThatThrownBy(() -> StubClient.pid(URI.create("http://localhost:" + port)))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void fixedPortInUseIsReportedBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStack clashing = LocalStack.builder().freePorts().postgresPort(taken.getLocalPort())
                    .rootDirectory(projectRoot).build();

            assertThatThrownBy(clashing::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " for PostgreSQL is already in use; choose another with --postgres-port");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
