package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.GlobalOptions;
import dev.ordersaga.ops.OpsException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The CLI's one connection to Kafka: an admin client, a consumer that reads partitions by offset (no consumer
 * group, nothing committed) and an idempotent producer, each created on first use. Every wait is bounded by
 * {@code --timeout} and every failure becomes an {@link OpsException} with one clear line.
 */
final class KafkaAccess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** The dead-letter topics' limit: 1 MiB + 64 KiB. */
    private static final int REPLAY_MAX_REQUEST_BYTES = 1024 * 1024 + 64 * 1024;

    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaAccess(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    static KafkaAccess connect(GlobalOptions options) {
        KafkaAccess kafka = new KafkaAccess(options.bootstrapServers(), options.timeout());
        try {
            kafka.requireReachable();
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** @throws OpsException "cannot reach Kafka at ... within ..." */
    void requireReachable() {
        try {
            admin().describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw OpsException.failure("cannot reach Kafka at " + bootstrapServers + " within " + Durations.format(timeout), e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    Set<String> topicNames() {
        return await(admin().listTopics().names(), "list the topics");
    }

    /** @throws OpsException "no such topic: ..." (exit code 3) */
    int partitionCount(String topic) {
        try {
            TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw OpsException.notFound("no such topic: " + topic);
            }
            throw failed("describe topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw timedOut("describe topic " + topic, e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    List<Integer> partitions(String topic) {
        return IntStream.range(0, partitionCount(topic)).boxed().toList();
    }

    /** Creates the topic unless it exists (or another run creates it first). */
    void createTopicIfMissing(NewTopic topic) {
        try {
            admin().createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failed("create topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw timedOut("create topic " + topic.name(), e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** First and end offsets of each given partition. */
    Map<TopicPartition, long[]> offsetRanges(String topic, List<Integer> partitions) {
        List<TopicPartition> topicPartitions = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        try {
            Map<TopicPartition, Long> beginnings = consumer().beginningOffsets(topicPartitions, timeout);
            Map<TopicPartition, Long> ends = consumer().endOffsets(topicPartitions, timeout);
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            topicPartitions.forEach(tp -> ranges.put(tp, new long[] {beginnings.get(tp), ends.get(tp)}));
            return ranges;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw timedOut("give the offsets of " + topic, e);
        } catch (KafkaException e) {
            throw failed("give the offsets of " + topic, e);
        }
    }

    /**
     * Hands each record of {@code [from, toExclusive)} of one partition to {@code visitor}, in offset order, until
     * it returns false.
     */
    void read(TopicPartition partition, long from, long toExclusive, Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
        if (from >= toExclusive) {
            return;
        }
        KafkaConsumer<byte[], byte[]> reader = consumer();
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long quietSince = System.nanoTime();
        try {
            while (reader.position(partition, timeout) < toExclusive) {
                ConsumerRecords<byte[], byte[]> records = reader.poll(POLL);
                if (records.isEmpty()) {
                    if (System.nanoTime() - quietSince > timeout.toNanos()) {
                        throw timedOut("deliver " + partition + " from offset " + reader.position(partition, timeout), null);
                    }
                    continue;
                }
                quietSince = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    if (record.offset() >= toExclusive || !visitor.test(record)) {
                        return;
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw timedOut("read " + partition, e);
        } catch (KafkaException e) {
            throw failed("read " + partition, e);
        } finally {
            reader.unsubscribe();
        }
    }

    /** Sends and waits for the acknowledgement (acks=all). */
    RecordMetadata send(ProducerRecord<byte[], byte[]> record) throws ExecutionException, TimeoutException, InterruptedException {
        // The producer's own delivery timeout is --timeout; the extra second only lets its error arrive first.
        return producer().send(record).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
        }
        if (consumer != null) {
            consumer.close(CLOSE_TIMEOUT);
        }
        if (admin != null) {
            admin.close(CLOSE_TIMEOUT);
        }
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failed(what, e.getCause());
        } catch (TimeoutException e) {
            throw timedOut(what, e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private OpsException timedOut(String what, Exception cause) {
        return OpsException.failure("Kafka at " + bootstrapServers + " did not " + what + " within " + Durations.format(timeout), cause);
    }

    private static OpsException failed(String what, Throwable cause) {
        return OpsException.failure("Kafka could not " + what + ": " + cause.getMessage(), cause);
    }

    private static OpsException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return OpsException.failure("interrupted", e);
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "ops-cli",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis()));
        }
        return admin;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.CLIENT_ID_CONFIG, "ops-cli",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    // A transactional writer's aborted records are not dead letters anyone should replay.
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    // Partitions are read one after the other up to their end: the broker must not hold a fetch
                    // of a finished partition for the default 500 ms before the next one can start.
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                    CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(),
                    CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "ops-cli",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    // A dead letter may hold a record of up to the topics' 1 MiB plus its headers; replayed with the
                    // provenance headers it may still fit its topic, and if not the topic (not this client's 1 MiB
                    // default) refuses it, by name (docs/adr/0009-message-size-limits-and-parked-rows.md).
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, REPLAY_MAX_REQUEST_BYTES,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, millis()),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private int millis() {
        return (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE);
    }
}
