package dev.ordersaga.ops.saga;

import picocli.CommandLine.Command;

/** {@code ops.sh saga compensate}. */
@Command(
        name = "compensate",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Asks the orchestrator to give up on the saga and undo its completed steps (COMPENSATING, or"
                + " ALREADY_COMPENSATING if it was). Prints the outcome and the saga's new state.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the orchestrator is unreachable or failed",
            "2:invalid command line, or a request the orchestrator rejected", "3:no saga for that order",
            "4:the saga's state does not allow it (e.g. it is final)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh saga compensate 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31 \\",
            "      --reason 'customer called to cancel'"
        })
final class SagaCompensateCommand extends SagaActionCommand {

    @Override
    String action() {
        return "compensate";
    }
}
