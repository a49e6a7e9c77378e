package dev.ordersaga.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running in this JVM, through
 * spring-kafka-test's {@link EmbeddedKafkaKraftBroker}. Its logs live in a temporary directory
 * that {@link #close()} deletes: always close it (the test infrastructure and the local stack do,
 * from their shutdown hooks).
 *
 * <p>Automatic topic creation is OFF, as it should be in production: every service declares the
 * topics it uses (and their dead-letter topics) with their partition counts. A client that
 * reaches for an undeclared topic keeps failing with UNKNOWN_TOPIC_OR_PARTITION instead of
 * silently getting a one-partition topic. Pass {@code auto.create.topics.enable=true} in the broker
 * properties to change that.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);

    /**
     * The broker's {@code message.max.bytes}, the default of every topic without its own limit: 1 MiB plus the
     * 64 KiB the messaging library allows a dead letter on top of a full-size record, so that any topic (the
     * library sets each of its topics' limit explicitly) accepts one. docker-compose.yml sets the same number;
     * see docs/adr/0009-message-size-limits-and-parked-rows.md.
     */
    public static final int MESSAGE_MAX_BYTES = 1024 * 1024 + 64 * 1024;

    private static final Map<String, String> DEFAULT_BROKER_PROPERTIES = Map.of(
            "auto.create.topics.enable", "false",
            "message.max.bytes", Integer.toString(MESSAGE_MAX_BYTES),
            // One node: internal topics cannot have more replicas than that.
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            // The default 50 partitions make the first consumer group join slow for no gain here.
            "offsets.topic.num.partitions", "5",
            // Sized for a 2-core machine that the broker shares with the services: the defaults (3 network,
            // 8 request handler, 10 background threads) only add threads that contend for the same cores.
            // A request handler never waits for the disk (no flush per write), so two keep up.
            "num.network.threads", "2",
            "num.io.threads", "2",
            "background.threads", "2");

    private final EmbeddedKafkaKraftBroker broker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker with the default properties, on {@code port} (0 for a free one). */
    public static KafkaServer start(int port) {
        return start(port, Map.of());
    }

    /**
     * Starts a broker.
     *
     * @param port             the client port, 0 for a free one
     * @param brokerProperties broker settings that override the defaults above
     */
    public static KafkaServer start(int port, Map<String, String> brokerProperties) {
        Map<String, String> properties = new HashMap<>(DEFAULT_BROKER_PROPERTIES);
        if (port != 0) {
            // KafkaClusterTestKit ignores kafkaPorts(); it keeps a listeners setting given to it.
            properties.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        }
        properties.putAll(brokerProperties);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(properties);
        // Do not publish the address as the global system property spring.kafka.bootstrap-servers.
        broker.brokerListProperty(null);
        startWithoutExitTimeDeletion(broker);
        KafkaServer server = new KafkaServer(broker);
        log.info("Kafka started at {}", server.bootstrapServers());
        return server;
    }

    /**
     * Kafka's test kit asks for a JVM-exit hook that deletes the broker's temporary directory. JVM
     * hooks run all at once, so that one would delete the logs under a broker that is still serving
     * the services being stopped by the local stack's own hook, and the broker halts with storage
     * errors. {@link #close()} deletes the directory anyway, after the broker has stopped.
     */
    private static synchronized void startWithoutExitTimeDeletion(EmbeddedKafkaKraftBroker broker) {
        Exit.setShutdownHookAdder((name, hook) -> log.debug("Not registering Kafka test kit exit hook {}", name));
        try {
            broker.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
    }

    /** The {@code host:port} list for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Stops the broker and deletes its logs. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            broker.destroy();
        }
    }
}
