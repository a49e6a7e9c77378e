package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.Table;
import dev.ordersaga.schema.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops.sh dlt list}. */
@Command(
        name = "list",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Every dead-letter topic (name ending in " + Topics.DEAD_LETTER_SUFFIX + "), or the given ones: how many"
                    + " records, the oldest and newest (when they were dead-lettered), and how many per exception"
                    + " class (the real cause, else Spring's wrapper)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh dlt list",
            "  ops.sh dlt list --topic order.requests-dlt --topic saga.replies-dlt",
            "  ops.sh dlt list --json | jq '.[] | select(.records > 0)'"
        })
final class DltListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--topic", paramLabel = "T", description = "Only this dead-letter topic; repeatable.")
    private List<String> topics = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of tables.")
    private boolean json;

    @Override
    public Integer call() {
        List<TopicSummary> summaries = new ArrayList<>();
        try (KafkaAccess kafka = KafkaAccess.connect(OpsCli.of(spec).global())) {
            DeadLetterReader reader = new DeadLetterReader(kafka);
            for (String topic : topicsToList(kafka)) {
                TopicSummary summary = new TopicSummary(topic);
                reader.forEach(topic, DeadLetterFilter.ALL, summary::add);
                summaries.add(summary);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(summaries.stream().map(JsonView::of).toList()) + "\n" : text(summaries));
        out.flush();
        return 0;
    }

    private List<String> topicsToList(KafkaAccess kafka) {
        if (!topics.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(topics));
        }
        return kafka.topicNames().stream().filter(name -> name.endsWith(Topics.DEAD_LETTER_SUFFIX)).sorted().toList();
    }

    static String text(List<TopicSummary> summaries) {
        if (summaries.isEmpty()) {
            return "No dead-letter topics (*" + Topics.DEAD_LETTER_SUFFIX + ").\n";
        }
        Table topicTable = new Table("TOPIC", "RECORDS", "OLDEST", "NEWEST").alignRight(1);
        Table exceptionTable = new Table("TOPIC", "EXCEPTION", "RECORDS").alignRight(2);
        for (TopicSummary summary : summaries) {
            topicTable.row(summary.topic(), summary.records(), summary.oldest(), summary.newest());
            summary.byException().forEach((exception, count) -> exceptionTable.row(summary.topic(), exception, count));
        }
        return exceptionTable.isEmpty()
                ? topicTable.format()
                : topicTable.format() + "\n" + exceptionTable.format();
    }

    /** The {@code --json} shape of one topic. */
    record JsonView(String topic, long records, Instant oldest, Instant newest, Map<String, Long> exceptions) {
        static JsonView of(TopicSummary summary) {
            return new JsonView(summary.topic(), summary.records(), summary.oldest(), summary.newest(), summary.byException());
        }
    }
}
