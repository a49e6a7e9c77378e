package dev.ordersaga.ops.saga;

import dev.ordersaga.ops.GlobalOptions;
import dev.ordersaga.ops.OpsCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops.sh saga}: the saga admin commands. */
@Command(
        name = "saga",
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {SagaShowCommand.class, SagaListCommand.class, SagaRetryCommand.class, SagaCompensateCommand.class},
        description = {
            "Sagas through the saga-orchestrator's admin API (--orchestrator-url): one saga with its timeline, a"
                    + " filtered list (e.g. the stuck ones), and the two interventions: retry the current step's"
                    + " command, or compensate. The saga id is the order id."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the orchestrator is unreachable or failed",
            "2:invalid command line, or the orchestrator rejected the request as invalid (400)",
            "3:no saga for that order (404)",
            "4:the saga's state does not allow the action, e.g. it is final (409)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh saga show 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31",
            "  ops.sh saga list --stuck --older-than 5m",
            "  ops.sh saga retry 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31 --reason INC-1234",
            "  ops.sh saga compensate 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31 --reason INC-1234"
        })
public final class SagaCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: show, list, retry or compensate");
    }

    static OrchestratorClient client(CommandSpec spec) {
        GlobalOptions global = OpsCli.of(spec).global();
        return new OrchestratorClient(global.orchestratorUrl(), global.timeout());
    }
}
