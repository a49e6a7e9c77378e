package dev.ordersaga.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ordersaga.ops.audit.AuditCommand;
import dev.ordersaga.ops.dlt.DltCommand;
import dev.ordersaga.ops.saga.SagaCommand;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code ops.sh}: dead letters, sagas and the consistency audit, for operators. */
@Command(
        name = "ops.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {DltCommand.class, SagaCommand.class, AuditCommand.class},
        description = {
            "Operates order-saga: inspect and replay dead letters (with an audit log), look at sagas and retry or"
                    + " compensate them, and audit the consistency of the orders, inventory and payments databases.",
            "Global options go before or after the command. Failures print one line starting with 'error:'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (Kafka, the orchestrator or a database unreachable, a replay failed, an unexpected error)",
            "2:invalid command line, or the orchestrator rejected the request as invalid (400)",
            "3:no such topic, partition or saga (404)",
            "4:the orchestrator refused the action in the saga's state (409)",
            "5:audit: inconsistent, at least one violation",
            "130:interrupted by Ctrl-C (dlt replay: run the same command again to resume)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh dlt list",
            "  ops.sh dlt show --topic order.requests-dlt --limit 5",
            "  ops.sh dlt replay --topic payment.commands-dlt --dry-run",
            "  ops.sh saga list --stuck",
            "  ops.sh audit --since 24h",
            "  ORDERSAGA_BOOTSTRAP_SERVERS=kafka:9092 ops.sh dlt list --json"
        })
public final class OpsCli implements Runnable {

    private static final String KAFKA_LOGGER = "org.apache.kafka";

    private final OpsContext context;

    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandSpec spec;

    public OpsCli(OpsContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(commandLine(OpsContext.system()).execute(args));
    }

    /** The whole command tree, with the CLI's error handling; tests execute it with their own context. */
    public static CommandLine commandLine(OpsContext context) {
        OpsCli root = new OpsCli(context);
        return new CommandLine(root)
                .setExecutionStrategy(root::execute)
                .setParameterExceptionHandler(OpsCli::handleInvalidInput)
                .setExecutionExceptionHandler(root::handleFailure);
    }

    /** The root command of the tree {@code spec} belongs to. */
    public static OpsCli of(CommandSpec spec) {
        return (OpsCli) spec.root().userObject();
    }

    public GlobalOptions global() {
        return global;
    }

    public OpsContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: dlt, saga or audit");
    }

    private int execute(ParseResult parseResult) {
        if (global.timeout() != null && (global.timeout().isNegative() || global.timeout().isZero())) {
            throw new ParameterException(parseResult.commandSpec().commandLine(), "--timeout must be positive");
        }
        // The Kafka client logs every failed connection attempt; the operator gets one clear line instead.
        ((Logger) LoggerFactory.getLogger(KAFKA_LOGGER)).setLevel(global.verbose() ? Level.WARN : Level.OFF);
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The reason, the command's synopsis and where to read more: the full help would bury the reason. */
    private static int handleInvalidInput(ParameterException invalid, String[] args) {
        CommandLine commandLine = invalid.getCommandLine();
        PrintWriter err = commandLine.getErr();
        // Picocli reports a missing required option before an unknown one, though the unknown one is
        // usually the cause (a typo of the required option's name): name both.
        if (!(invalid instanceof UnmatchedArgumentException) && !commandLine.getUnmatchedArguments().isEmpty()) {
            UnmatchedArgumentException unknown = new UnmatchedArgumentException(commandLine, commandLine.getUnmatchedArguments());
            err.println(unknown.getMessage());
            UnmatchedArgumentException.printSuggestions(unknown, err);
        }
        err.println(invalid.getMessage());
        UnmatchedArgumentException.printSuggestions(invalid, err);
        err.print(commandLine.getHelp().synopsis(0));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private int handleFailure(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (failure instanceof OpsException ops) {
            err.println("error: " + ops.getMessage());
        } else {
            err.println("error: unexpected " + failure + (global.verbose() ? "" : " (--verbose shows where)"));
        }
        if (global.verbose()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return failure instanceof OpsException ops ? ops.exitCode() : ExitCodes.FAILURE;
    }
}
