package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops.sh dlt show}. */
@Command(
        name = "show",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "The selected dead letters, partition by partition in offset order: where each is and where it came from"
                    + " (kafka_dlt-original-* headers), key, message type and id, the exception (its real cause,"
                    + " else Spring's wrapper) and message, and the payload: pretty-printed when it is JSON, else as"
                    + " text with every non-UTF-8 byte escaped as \\xNN."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh dlt show --topic order.requests-dlt --limit 5",
            "  ops.sh dlt show --topic saga.replies-dlt --stacktrace \\",
            "      --order-id 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31",
            "  ops.sh dlt show --topic payment.commands-dlt --headers \\",
            "      --partition 2 --from-offset 100 --to-offset 120",
            "  ops.sh dlt show --topic order.requests-dlt --since PT1H --json"
        })
final class DltShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--topic", paramLabel = "T", required = true, description = "The dead-letter topic, e.g. order.requests-dlt.")
    private String topic;

    @Mixin
    private FilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most the first N selected records.")
    private Integer limit;

    @Option(names = "--stacktrace", description = "Also show the exception's stack trace.")
    private boolean stackTrace;

    @Option(names = "--headers", description = "Also show every header.")
    private boolean headers;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        OpsCli cli = OpsCli.of(spec);
        DeadLetterFilter filter = filters.toFilter(spec.commandLine(), cli.context().clock());
        List<DeadLetter> letters;
        try (KafkaAccess kafka = KafkaAccess.connect(cli.global())) {
            letters = new DeadLetterReader(kafka).select(topic, filter, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(letters.stream().map(letter -> DeadLetterView.json(letter, stackTrace, headers)).toList()));
        } else {
            letters.forEach(letter -> out.println(DeadLetterView.text(letter, stackTrace, headers)));
            out.println(letters.size() + (letters.size() == 1 ? " dead letter" : " dead letters"));
        }
        out.flush();
        return 0;
    }
}
