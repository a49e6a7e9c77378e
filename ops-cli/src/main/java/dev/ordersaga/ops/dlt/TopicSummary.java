package dev.ordersaga.ops.dlt;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code dlt list} says about one dead-letter topic; fed one dead letter at a time. */
final class TopicSummary {

    private final String topic;
    private final Map<String, Long> byException = new HashMap<>();
    private long records;
    private Instant oldest;
    private Instant newest;

    TopicSummary(String topic) {
        this.topic = topic;
    }

    void add(DeadLetter letter) {
        records++;
        byException.merge(letter.exceptionClass(), 1L, Long::sum);
        if (oldest == null || letter.timestamp().isBefore(oldest)) {
            oldest = letter.timestamp();
        }
        if (newest == null || letter.timestamp().isAfter(newest)) {
            newest = letter.timestamp();
        }
    }

    String topic() {
        return topic;
    }

    long records() {
        return records;
    }

    Instant oldest() {
        return oldest;
    }

    Instant newest() {
        return newest;
    }

    /** Most frequent first, then by name. */
    Map<String, Long> byException() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        byException.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
