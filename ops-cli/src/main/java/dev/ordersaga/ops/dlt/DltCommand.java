package dev.ordersaga.ops.dlt;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops.sh dlt}: the dead-letter commands. */
@Command(
        name = "dlt",
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {DltListCommand.class, DltShowCommand.class, DltReplayCommand.class, DltAuditCommand.class},
        description = {
            "Dead letters: records a consumer could not process, moved to <topic>-dlt by Spring Kafka with the reason"
                    + " in kafka_dlt-* headers. List them, show them, replay them to their original topic, and read"
                    + " the audit log of replays (topic " + ReplayAudit.TOPIC + ")."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh dlt list",
            "  ops.sh dlt show --topic order.requests-dlt --exception Poison --limit 3",
            "  ops.sh dlt replay --topic saga.replies-dlt --since PT1H --dry-run",
            "  ops.sh dlt audit --topic saga.replies-dlt"
        })
public final class DltCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: list, show, replay or audit");
    }
}
