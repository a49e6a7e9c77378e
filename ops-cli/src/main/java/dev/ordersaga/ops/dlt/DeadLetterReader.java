package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a dead-letter topic as it is when the read starts (records arriving meanwhile wait for the next run),
 * partition after partition, each in offset order: the order in which show lists and replay republishes.
 */
final class DeadLetterReader {

    private final KafkaAccess kafka;

    DeadLetterReader(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** The dead letters {@code filter} selects, at most {@code limit} of them ({@code null}: all). */
    List<DeadLetter> select(String topic, DeadLetterFilter filter, Integer limit) {
        List<DeadLetter> selected = new ArrayList<>();
        read(topic, filter, letter -> selected.add(letter), limit);
        return selected;
    }

    /** Hands every dead letter {@code filter} selects to {@code each}. */
    void forEach(String topic, DeadLetterFilter filter, Consumer<DeadLetter> each) {
        read(topic, filter, each, null);
    }

    private void read(String topic, DeadLetterFilter filter, Consumer<DeadLetter> each, Integer limit) {
        List<Integer> partitions = partitionsToRead(topic, filter);
        Map<TopicPartition, long[]> ranges = kafka.offsetRanges(topic, partitions);
        int[] handed = {0};
        for (int partition : partitions) {
            TopicPartition topicPartition = new TopicPartition(topic, partition);
            long[] range = ranges.get(topicPartition);
            kafka.read(topicPartition, filter.startOffset(range[0]), filter.endOffset(range[1]), record -> {
                DeadLetter letter = DeadLetter.of(record);
                if (filter.matches(letter)) {
                    each.accept(letter);
                    handed[0]++;
                }
                return limit == null || handed[0] < limit;
            });
            if (limit != null && handed[0] >= limit) {
                return;
            }
        }
    }

    private List<Integer> partitionsToRead(String topic, DeadLetterFilter filter) {
        List<Integer> partitions = kafka.partitions(topic);
        if (filter.partition() != null && !partitions.contains(filter.partition())) {
            throw OpsException.notFound("no such partition: " + topic + "-" + filter.partition()
                    + " (the topic has " + partitions.size() + ")");
        }
        return partitions.stream().filter(filter::includesPartition).toList();
    }
}
