package dev.ordersaga.ops.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.Operator;
import dev.ordersaga.ops.saga.SagaViews.ActionResult;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saga retry} and {@code saga compensate}: the same request to a different action. */
abstract class SagaActionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ORDER_ID", description = "The order id (= the saga id).")
    private UUID orderId;

    @Option(names = "--reason", paramLabel = "R", required = true, description = "Why; recorded in the saga's history.")
    private String reason;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who asks, recorded in the saga's history (default: $ORDERSAGA_OPERATOR, else $USER).")
    private String operator;

    @Option(names = "--json", description = "Print the orchestrator's JSON.")
    private boolean json;

    /** The last segment of {@code POST /sagas/{orderId}/...}. */
    abstract String action();

    @Override
    public Integer call() throws Exception {
        if (reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason must not be blank");
        }
        OpsCli cli = OpsCli.of(spec);
        String requestedBy = Operator.resolve(operator, cli.context().env());
        JsonNode result = SagaCommand.client(spec).act(orderId, action(), requestedBy, reason.trim());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(result) + "\n"
                : SagaFormat.action(Json.mapper().treeToValue(result, ActionResult.class), cli.context().clock().instant()));
        out.flush();
        return 0;
    }
}
