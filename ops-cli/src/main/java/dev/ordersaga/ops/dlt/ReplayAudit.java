package dev.ordersaga.ops.dlt;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The replay audit log: a Kafka topic with one JSON record per replayed (or failed) dead letter, kept forever.
 * It says who replayed what, and lets a replay resume: a dead letter already REPLAYED is skipped.
 */
final class ReplayAudit {

    static final String TOPIC = "ops.dlt-replays";

    private final KafkaAccess kafka;

    ReplayAudit(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /**
     * One partition keeps the log in the order it was written. Replication is the broker's default
     * ({@code default.replication.factor}: 1 on a single node, what the cluster's owner chose elsewhere).
     */
    void createTopicIfMissing() {
        kafka.createTopicIfMissing(new NewTopic(TOPIC, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, "delete")));
    }

    /** The whole log, oldest first; empty before the first replay. Records that are not audit entries are skipped. */
    List<AuditEntry> readAll() {
        List<AuditEntry> entries = new ArrayList<>();
        if (!kafka.topicNames().contains(TOPIC)) {
            return entries;
        }
        kafka.offsetRanges(TOPIC, kafka.partitions(TOPIC)).forEach((partition, range) ->
                kafka.read(partition, range[0], range[1], record -> {
                    parse(record.value()).ifPresent(entries::add);
                    return true;
                }));
        return entries;
    }

    /** The dead letters of {@code dltTopic} that some run replayed, as {@link DeadLetter#auditKey()}s. */
    static Set<String> replayedKeys(Collection<AuditEntry> entries, String dltTopic) {
        return entries.stream()
                .filter(entry -> entry.result() == AuditEntry.Result.REPLAYED && dltTopic.equals(entry.dltTopic()))
                .map(AuditEntry::auditKey)
                .collect(Collectors.toSet());
    }

    /** Waits for the acknowledgement: a replay is only counted once its audit entry is safe. */
    void write(AuditEntry entry) {
        try {
            kafka.send(new ProducerRecord<>(TOPIC, entry.auditKey().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(entry)));
        } catch (ExecutionException e) {
            throw notWritten(entry, e.getCause());
        } catch (TimeoutException | JsonProcessingException e) {
            throw notWritten(entry, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notWritten(entry, e);
        }
    }

    private static OpsException notWritten(AuditEntry entry, Throwable cause) {
        return OpsException.failure("could not write the audit entry of " + entry.deadLetterCoordinates() + " ("
                + entry.result() + ") to " + TOPIC + ": " + cause, cause);
    }

    private static Optional<AuditEntry> parse(byte[] value) {
        try {
            return Optional.ofNullable(value == null ? null : Json.mapper().readValue(value, AuditEntry.class));
        } catch (IOException notAnEntry) {
            return Optional.empty();
        }
    }
}
