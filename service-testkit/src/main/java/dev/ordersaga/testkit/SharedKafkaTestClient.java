package dev.ordersaga.testkit;

import dev.ordersaga.infra.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link KafkaTestClient} per set of topics for the whole test JVM, on the broker of
 * {@link TestInfrastructure}. A module's integration tests share one broker and one Spring context;
 * sharing the client too spares every test class a consumer that re-reads the topics from the start.
 *
 * <p>The clients are never closed: they live exactly as long as the broker, which stops when the JVM
 * exits. Closing them from a shutdown hook would race the broker's own hook for nothing.
 */
public final class SharedKafkaTestClient {

    private static final Map<List<String>, KafkaTestClient> CLIENTS = new ConcurrentHashMap<>();

    private SharedKafkaTestClient() {
    }

    /** The JVM's client that reads {@code topics}, created on first use. */
    public static KafkaTestClient readingFrom(String... topics) {
        return CLIENTS.computeIfAbsent(List.of(topics), key ->
                new KafkaTestClient(TestInfrastructure.get().kafkaBootstrapServers(), topics));
    }
}
