package dev.ordersaga.ops.saga;

import picocli.CommandLine.Command;

/** {@code ops.sh saga retry}. */
@Command(
        name = "retry",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Asks the orchestrator to send the current step's command again (same message id, so a"
                + " participant that already handled it does not handle it twice) with a fresh deadline."
                + " Prints the outcome (RESENT, ...) and the saga's new state.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the orchestrator is unreachable or failed",
            "2:invalid command line, or a request the orchestrator rejected", "3:no saga for that order",
            "4:the saga's state does not allow it (e.g. it is final)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh saga retry 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31 --reason INC-1234",
            "  ops.sh saga retry 5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31 \\",
            "      --reason 'payment provider back up' --operator alice"
        })
final class SagaRetryCommand extends SagaActionCommand {

    @Override
    String action() {
        return "retry";
    }
}
