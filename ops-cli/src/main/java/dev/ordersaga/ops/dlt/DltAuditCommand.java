package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops.sh dlt audit}. */
@Command(
        name = "audit",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "The replay audit log (topic " + ReplayAudit.TOPIC + "), oldest first: one entry per dead letter a replay"
                    + " sent (REPLAYED) or could not send (FAILED), with who, from which host, when, and where to."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh dlt audit",
            "  ops.sh dlt audit --topic order.requests-dlt",
            "  ops.sh dlt audit --json | jq '.[] | select(.result == \"FAILED\")'"
        })
final class DltAuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--topic", paramLabel = "T", description = "Only replays from this dead-letter topic.")
    private String topic;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        List<AuditEntry> entries;
        try (KafkaAccess kafka = KafkaAccess.connect(OpsCli.of(spec).global())) {
            entries = new ReplayAudit(kafka).readAll().stream()
                    .filter(entry -> topic == null || topic.equals(entry.dltTopic()))
                    .toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(entries));
        } else if (entries.isEmpty()) {
            out.println("No replays recorded" + (topic == null ? "." : " for " + topic + "."));
        } else {
            out.print(table(entries));
        }
        out.flush();
        return 0;
    }

    static String table(List<AuditEntry> entries) {
        Table table = new Table("AT", "OPERATOR", "HOST", "REPLAY ID", "DEAD LETTER", "TARGET", "TYPE", "RESULT", "ERROR");
        entries.forEach(entry -> table.row(entry.at(), entry.operator(), entry.host(), entry.replayId(),
                entry.deadLetterCoordinates(), entry.targetTopic(), entry.messageType(), entry.result(), entry.error()));
        return table.format();
    }
}
