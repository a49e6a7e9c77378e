package dev.ordersaga.localstack.load;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-line live status of a load run, e.g. {@code sent 1200/5000  done 1150  in flight 50  ...}. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String format(long sent, long total, long completed, Map<FinalOutcome, Long> outcomes, double ratePerSecond) {
        String outcomeCounts = outcomes.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey().typeName() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "sent %d/%d  done %d  in flight %d  [%s]  %.0f sagas/s",
                sent, total, completed, sent - completed, outcomeCounts, ratePerSecond);
    }
}
