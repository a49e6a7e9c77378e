package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.OpsContext;
import dev.ordersaga.ops.Interruption;
import dev.ordersaga.ops.Operator;
import dev.ordersaga.ops.Table;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops.sh dlt replay}. */
@Command(
        name = "replay",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Republishes the selected dead letters to their original topic (kafka_dlt-original-topic) with their"
                    + " key, value and headers, minus the kafka_dlt-* ones, plus replayed-from-topic,"
                    + " replayed-from-partition, replayed-from-offset and replay-id. Consumers are idempotent (inbox on"
                    + " message-id), so a record that was in fact handled is not handled twice.",
            "Every replayed or failed record is written to the audit log (topic " + ReplayAudit.TOPIC + ") once"
                    + " acknowledged. Dead letters the log shows as REPLAYED are skipped unless --force, so running"
                    + " the same command again resumes an interrupted run. A target that does not exist or is itself"
                    + " a -dlt topic is refused (counted as failed)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything selected was replayed or skipped (or --dry-run)",
            "1:at least one record failed, or Kafka was unreachable",
            "2:invalid command line",
            "3:no such topic or partition",
            "130:interrupted by Ctrl-C after the record in flight: run the same command again to resume"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh dlt replay --topic order.requests-dlt --dry-run",
            "  ops.sh dlt replay --topic saga.replies-dlt --exception Optimistic \\",
            "      --since PT2H --rate 20",
            "  ops.sh dlt replay --topic payment.commands-dlt --operator alice \\",
            "      --order-id 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31",
            "  ops.sh dlt replay --topic order.requests-dlt --force \\",
            "      --partition 1 --from-offset 40 --to-offset 49"
        })
final class DltReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--topic", paramLabel = "T", required = true, description = "The dead-letter topic, e.g. order.requests-dlt.")
    private String topic;

    @Mixin
    private FilterOptions filters;

    @Option(names = "--limit", paramLabel = "N",
            description = "Only the first N selected records (already replayed ones among them are still skipped).")
    private Integer limit;

    @Option(names = "--dry-run", description = "Print the records that would be sent, and where; send nothing, audit nothing.")
    private boolean dryRun;

    @Option(names = "--rate", paramLabel = "N", description = "At most N records per second (decimals allowed, e.g. 0.5).")
    private Double rate;

    @Option(names = "--force", description = "Replay again what the audit log shows as already replayed.")
    private boolean force;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who replays, for the audit log (default: $ORDERSAGA_OPERATOR, else $USER).")
    private String operator;

    @Override
    public Integer call() {
        validate();
        OpsCli cli = OpsCli.of(spec);
        OpsContext context = cli.context();
        DeadLetterFilter filter = filters.toFilter(spec.commandLine(), context.clock());
        try (KafkaAccess kafka = KafkaAccess.connect(cli.global())) {
            List<DeadLetter> letters = new DeadLetterReader(kafka).select(topic, filter, limit);
            ReplayAudit audit = new ReplayAudit(kafka);
            Set<String> alreadyReplayed = ReplayAudit.replayedKeys(audit.readAll(), topic);
            List<PlannedReplay> plan = PlannedReplay.plan(letters, alreadyReplayed, force, kafka.topicNames());
            if (dryRun) {
                printDryRun(plan);
                return 0;
            }
            audit.createTopicIfMissing();
            ReplayRun run = new ReplayRun(UUID.randomUUID(), Operator.resolve(operator, context.env()),
                    context.host().get(), context.clock());
            return replay(kafka, audit, run, plan, context, cli.global().timeout());
        }
    }

    private int replay(KafkaAccess kafka, ReplayAudit audit, ReplayRun run, List<PlannedReplay> plan, OpsContext context,
                       Duration timeout) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf("Replaying %d dead letters from %s (replay id %s, operator %s)%n", plan.size(), topic, run.replayId(),
                run.operator());
        out.flush();
        // Ctrl-C waits for the record in flight: its send and its audit entry, each bounded by --timeout.
        try (Interruption interruption = context.interruptions().open(timeout.multipliedBy(2).plusSeconds(5))) {
            ReplayProgress progress = new ReplayProgress(err, context.interactive(), plan.size());
            ReplaySummary summary = new Replayer(kafka, audit, run, Pacer.perSecond(rate), progress, interruption)
                    .replay(plan);
            out.println(summary.format());
            out.flush();
            if (summary.interrupted()) {
                err.println("interrupted; run the same command again to resume");
                err.flush();
            }
            return summary.exitCode();
        }
    }

    private void printDryRun(List<PlannedReplay> plan) {
        PrintWriter out = spec.commandLine().getOut();
        Table toSend = new Table("DEAD LETTER", "KEY", "TYPE", "TARGET");
        Table notSent = new Table("DEAD LETTER", "WHY NOT");
        int skipped = 0;
        int refused = 0;
        for (PlannedReplay item : plan) {
            DeadLetter letter = item.letter();
            switch (item.action()) {
                case SEND -> toSend.row(letter.coordinates(), letter.keyText(), letter.messageType(), item.target());
                case SKIP -> {
                    skipped++;
                    notSent.row(letter.coordinates(), item.reason());
                }
                case REFUSE -> {
                    refused++;
                    notSent.row(letter.coordinates(), "refused: " + item.reason());
                }
            }
        }
        out.println("Dry run: nothing is sent and nothing is audited.");
        if (!toSend.isEmpty()) {
            out.print(toSend.format());
        }
        if (!notSent.isEmpty()) {
            out.println();
            out.print(notSent.format());
        }
        out.printf("%d would be replayed, %d skipped (already replayed), %d refused%n",
                plan.size() - skipped - refused, skipped, refused);
        out.flush();
    }

    private void validate() {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        if (rate != null && !(rate > 0)) {
            throw new ParameterException(spec.commandLine(), "--rate must be more than 0");
        }
    }
}
