package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.KafkaServer;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The load drivers (the demo's fixed count, the benchmark's steady load) against a real broker, with a
 * fake system that answers each PlaceOrder on order.events.
 */
class LoadDriverIT {

    private static final List<String> SKUS = List.of("SKU-0001", "SKU-0002", "SKU-0003");
    private static final List<String> CUSTOMERS = List.of("customer-0001", "customer-0002");
    private static final int PARTITIONS = 3;

    private static KafkaServer kafka;
    private FakeSystem fakeSystem;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaServer.start(0);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.ORDER_REQUESTS, PARTITIONS, (short) 1),
                    new NewTopic(Topics.ORDER_EVENTS, PARTITIONS, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @AfterEach
    void stopFakeSystem() throws InterruptedException {
        fakeSystem.stop();
    }

    @Test
    void everyOrderIsPublishedAsAPlaceOrderAndItsFinalEventCounted() throws Exception {
        // customer-0002 is always declined; an OrderPlaced first shows that only final events count.
        fakeSystem = FakeSystem.start(kafka.bootstrapServers(), order ->
                order.customerId().equals("customer-0002") ? List.of("OrderPlaced", "OrderRejected") : List.of("OrderPlaced", "OrderApproved"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        LoadSummary summary = new LoadDriver(kafka.bootstrapServers(), SKUS, CUSTOMERS,
                new LoadOptions(300, 16, Duration.ofSeconds(30)), new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertThat(summary.allOrdersFinished()).isTrue();
        assertThat(summary.sent()).isEqualTo(300);
        assertThat(summary.completed()).isEqualTo(300);
        assertThat(summary.outcomes().get("OrderApproved") + summary.outcomes().get("OrderRejected")).isEqualTo(300);
        assertThat(summary.outcomes().get("OrderRejected")).isEqualTo(fakeSystem.ordersOf("customer-0002"));
        assertThat(summary.latencyMicros().max()).isPositive();
        assertThat(summary.duplicateFinalEvents()).isZero();
        assertThat(fakeSystem.maxInFlightSeen()).isLessThanOrEqualTo(16);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("sent 300/300  done 300  in flight 0");
    }

    @Test
    void requestsCarryTheDocumentedKeyAndHeaders() throws Exception {
        fakeSystem = FakeSystem.start(kafka.bootstrapServers(), order -> List.of("OrderApproved"));

        new LoadDriver(kafka.bootstrapServers(), SKUS, CUSTOMERS, new LoadOptions(5, 2, Duration.ofSeconds(30)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();

        assertThat(fakeSystem.requests()).hasSize(5).allSatisfy(record -> {
            PlaceOrder order = FakeSystem.JSON.readValue(record.value(), PlaceOrder.class);
            assertThat(record.key()).isEqualTo(order.orderId().toString());
            assertThat(header(record, Headers.MESSAGE_TYPE)).isEqualTo("PlaceOrder");
            assertThat(header(record, Headers.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(header(record, Headers.CORRELATION_ID)).isEqualTo(record.key());
            assertThat(UUID.fromString(header(record, Headers.MESSAGE_ID))).isNotNull();
        });
        assertThat(fakeSystem.requests()).extracting(record -> header(record, Headers.MESSAGE_ID)).doesNotHaveDuplicates();
    }

    @Test
    void ordersWithoutAFinalEventMakeTheRunUnsuccessful() throws Exception {
        fakeSystem = FakeSystem.start(kafka.bootstrapServers(), order ->
                order.customerId().equals("customer-0002") ? List.of("OrderPlaced") : List.of("OrderApproved"));

        LoadSummary summary = new LoadDriver(kafka.bootstrapServers(), SKUS, CUSTOMERS,
                new LoadOptions(20, 20, Duration.ofSeconds(3)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();

        assertThat(summary.allOrdersFinished()).isFalse();
        assertThat(summary.incomplete()).isEqualTo(fakeSystem.ordersOf("customer-0002")).isPositive();
    }

    @Test
    void steadyLoadKeepsItsInFlightCountAndAccountsForAWindowOfIt() throws Exception {
        fakeSystem = FakeSystem.start(kafka.bootstrapServers(), order -> List.of("OrderPlaced", "OrderApproved"));
        WindowResult window;
        try (SteadyLoad load = SteadyLoad.start(kafka.bootstrapServers(), SKUS, CUSTOMERS, 4)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.completed() >= 20);
            long start = System.nanoTime();
            long completedAtStart = load.completed();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.completed() >= completedAtStart + 100);
            long end = System.nanoTime();
            load.stopPublishing();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.unfinished(start, end) == 0);
            window = load.window(4, start, end, Duration.ofSeconds(30));
        }

        // The counter and the window's edges may disagree by the orders finishing right at an edge: at most 4.
        assertThat(window.completed()).isGreaterThanOrEqualTo(96);
        assertThat(window.lost()).isZero();
        assertThat(window.duplicated()).isZero();
        assertThat(window.latencyMicros().max()).isPositive();
        assertThat(window.inFlight()).isEqualTo(4);
        assertThat(fakeSystem.maxInFlightSeen()).isLessThanOrEqualTo(4);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Reads order.requests from its end and answers each request with the given event types on order.events. */
    private static final class FakeSystem implements Runnable {

        static final ObjectMapper JSON = new ObjectMapper();

        private final KafkaConsumer<String, String> consumer;
        private final KafkaProducer<String, String> producer;
        private final Function<PlaceOrder, List<String>> answers;
        private final ConcurrentLinkedQueue<ConsumerRecord<String, String>> requests = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this, "fake-system");
        private volatile int maxInFlightSeen;
        private int answered;

        private FakeSystem(String bootstrapServers, Function<PlaceOrder, List<String>> answers) {
            this.answers = answers;
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new StringSerializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_REQUESTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        static FakeSystem start(String bootstrapServers, Function<PlaceOrder, List<String>> answers) {
            FakeSystem system = new FakeSystem(bootstrapServers, answers);
            system.thread.start();
            return system;
        }

        @Override
        public void run() {
            try {
                while (running.get()) {
                    var batch = consumer.poll(Duration.ofMillis(50));
                    // Everything received and not yet answered was in flight at the driver.
                    maxInFlightSeen = Math.max(maxInFlightSeen, requests.size() + batch.count() - answered);
                    for (ConsumerRecord<String, String> record : batch) {
                        requests.add(record);
                        answer(record);
                    }
                    producer.flush();
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer up.
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                consumer.close();
                producer.close();
            }
        }

        private void answer(ConsumerRecord<String, String> request) throws IOException {
            PlaceOrder order = JSON.readValue(request.value(), PlaceOrder.class);
            List<String> types = answers.apply(order);
            for (String type : types) {
                ProducerRecord<String, String> event = new ProducerRecord<>(Topics.ORDER_EVENTS, request.key(), "{}");
                event.headers().add(Headers.MESSAGE_TYPE, type.getBytes(StandardCharsets.UTF_8));
                producer.send(event);
            }
            if (types.stream().anyMatch(type -> FinalOutcome.ofMessageType(type).isPresent())) {
                answered++;
            }
        }

        List<ConsumerRecord<String, String>> requests() {
            return List.copyOf(requests);
        }

        long ordersOf(String customerId) {
            return requests.stream().filter(record -> record.value().contains("\"customerId\":\"" + customerId + "\"")).count();
        }

        int maxInFlightSeen() {
            return maxInFlightSeen;
        }

        void stop() throws InterruptedException {
            running.set(false);
            consumer.wakeup();
            thread.join();
        }
    }
}
