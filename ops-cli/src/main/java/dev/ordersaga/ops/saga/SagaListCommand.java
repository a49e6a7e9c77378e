package dev.ordersaga.ops.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.saga.SagaViews.SagaSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops.sh saga list}. */
@Command(
        name = "list",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Sagas that match: state, current step, attempts, age (since created), time since the last"
                + " update, and the step deadline (overdue or not).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:the orchestrator is unreachable or failed",
            "2:invalid command line, or parameters the orchestrator rejected"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh saga list --state RUNNING --state COMPENSATING",
            "  ops.sh saga list --stuck",
            "  ops.sh saga list --stuck --older-than 5m --limit 20 --json"
        })
final class SagaListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--state", paramLabel = "S",
            description = "Only sagas in this state (RUNNING, COMPENSATING, COMPLETED, COMPENSATED); repeatable.")
    private List<String> states = new ArrayList<>();

    @Option(names = "--stuck", description = "Only live sagas whose current step missed a deadline (overdue, or already re-sent).")
    private boolean stuck;

    @Option(names = "--older-than", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "Only sagas created longer ago than this, e.g. 5m or PT5M.")
    private Duration olderThan;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sagas (default: the orchestrator's).")
    private Integer limit;

    @Option(names = "--json", description = "Print the orchestrator's JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        JsonNode sagas = SagaCommand.client(spec).sagas(query());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(sagas));
        } else {
            List<SagaSummary> summaries = new ArrayList<>();
            for (JsonNode saga : sagas) {
                summaries.add(Json.mapper().treeToValue(saga, SagaSummary.class));
            }
            out.print(SagaFormat.list(summaries, OpsCli.of(spec).context().clock().instant()));
        }
        out.flush();
        return 0;
    }

    /** {@code state=RUNNING&state=COMPENSATING&stuck=true&olderThan=PT5M&limit=50}, each only when given. */
    Map<String, List<String>> query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (!states.isEmpty()) {
            query.put("state", states.stream().map(state -> state.trim().toUpperCase(Locale.ROOT)).toList());
        }
        if (stuck) {
            query.put("stuck", List.of("true"));
        }
        if (olderThan != null) {
            query.put("olderThan", List.of(olderThan.toString()));
        }
        if (limit != null) {
            query.put("limit", List.of(limit.toString()));
        }
        return query;
    }
}
