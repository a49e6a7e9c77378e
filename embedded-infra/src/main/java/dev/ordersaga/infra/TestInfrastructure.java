package dev.ordersaga.infra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One PostgreSQL server and one Kafka broker per JVM, for integration tests. Started on free
 * ports by the first call to {@link #get()} and stopped by a shutdown hook when the JVM exits, so
 * every test class of a Maven module shares them. Each service gets its own database and role.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.get().registerSpringProperties(registry, "orders", "order_service");
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final Map<String, ServiceDatabase> databases = new ConcurrentHashMap<>();

    private TestInfrastructure(PostgresServer postgres, KafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The JVM-wide infrastructure, started on first use. */
    public static TestInfrastructure get() {
        return Holder.INSTANCE;
    }

    /**
     * The database {@code database} owned by {@code role} (password = role name), created on first
     * request. Asking again for the same database returns the same one.
     */
    public ServiceDatabase database(String database, String role) {
        ServiceDatabase created = databases.computeIfAbsent(database, name -> postgres.createDatabase(name, role, role));
        if (!created.username().equals(role)) {
            throw new IllegalArgumentException(
                    "database " + database + " belongs to role " + created.username() + ", not " + role);
        }
        return created;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The PostgreSQL server, e.g. for {@link PostgresServer#superuserJdbcUrl()}. */
    public PostgresServer postgres() {
        return postgres;
    }

    /**
     * Registers {@code spring.datasource.url/username/password} for the service's own database and
     * {@code spring.kafka.bootstrap-servers}.
     */
    public void registerSpringProperties(DynamicPropertyRegistry registry, String database, String role) {
        ServiceDatabase serviceDatabase = database(database, role);
        registry.add("spring.datasource.url", serviceDatabase::jdbcUrl);
        registry.add("spring.datasource.username", serviceDatabase::username);
        registry.add("spring.datasource.password", serviceDatabase::password);
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
    }

    private static TestInfrastructure start() {
        PostgresServer postgres = PostgresServer.start(0, null);
        KafkaServer kafka;
        try {
            kafka = KafkaServer.start(0);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "test-infrastructure-shutdown"));
        return new TestInfrastructure(postgres, kafka);
    }

    // The JVM initialises the holder class once, on first use, and thread-safely.
    private static final class Holder {
        private static final TestInfrastructure INSTANCE = start();
    }
}
