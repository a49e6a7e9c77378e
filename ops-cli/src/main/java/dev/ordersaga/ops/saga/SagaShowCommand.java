package dev.ordersaga.ops.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.saga.SagaViews.SagaDetails;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ops.sh saga show}. */
@Command(
        name = "show",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "One saga: state, current step, attempts, step deadline (and whether it is overdue), then its"
                + " timeline, oldest first.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the orchestrator is unreachable or failed", "2:invalid command line",
            "3:no saga for that order"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh saga show 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31",
            "  ops.sh saga show 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31 --json | jq .history"
        })
final class SagaShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ORDER_ID", description = "The order id (= the saga id).")
    private UUID orderId;

    @Option(names = "--json", description = "Print the orchestrator's JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        JsonNode saga = SagaCommand.client(spec).saga(orderId);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(saga) + "\n"
                : SagaFormat.details(Json.mapper().treeToValue(saga, SagaDetails.class), OpsCli.of(spec).context().clock().instant()));
        out.flush();
        return 0;
    }
}
