package dev.ordersaga.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line's contract before anything connects anywhere: help, and exit code 2 with the reason. */
class OpsCliTest {

    private final Cli cli = Cli.now();

    static List<String> everyCommand() {
        List<String> names = new ArrayList<>();
        collect(OpsCli.commandLine(OpsContext.system()), names);
        return names;
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyCommandHasHelpWithExamples(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.remove(0);
        args.add("--help");

        Cli.Result result = cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: " + command, "Examples:", "  ops.sh", "--bootstrap-servers", "--timeout");
    }

    @Test
    void theCommandTreeIsComplete() {
        assertThat(everyCommand()).containsExactlyInAnyOrder("ops.sh", "ops.sh dlt", "ops.sh dlt list", "ops.sh dlt show",
                "ops.sh dlt replay", "ops.sh dlt audit", "ops.sh saga", "ops.sh saga show", "ops.sh saga list",
                "ops.sh saga retry", "ops.sh saga compensate", "ops.sh audit");
    }

    @Test
    void rootHelpListsTheExitCodes() {
        Cli.Result result = cli.run("--help");

        assertThat(result.out()).contains("Exit codes:", "3     no such topic, partition or saga (404)",
                "5     audit: inconsistent, at least one violation", "130   interrupted by Ctrl-C");
    }

    @Test
    void unknownFlagIsNamedWithSuggestionsAndExitsTwo() {
        Cli.Result result = cli.run("dlt", "list", "--topics", "x-dlt");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown options: '--topics', 'x-dlt'", "Possible solutions: --topic",
                "ops.sh dlt list [-h]", "Try 'ops.sh dlt list --help' for more information.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingTopicExitsTwo() {
        Cli.Result result = cli.run("dlt", "replay");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Missing required option: '--topic=T'");
    }

    @Test
    void aTypoOfTheRequiredOptionIsNamedBesidesTheMissingOne() {
        Cli.Result result = cli.run("dlt", "show", "--topik", "x-dlt");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown options: '--topik', 'x-dlt'", "Missing required option: '--topic=T'");
    }

    @Test
    void missingCommandExitsTwo() {
        assertThat(cli.run().err()).startsWith("Missing command: dlt, saga or audit");
        assertThat(cli.run("dlt").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("saga").err()).startsWith("Missing command: show, list, retry or compensate");
    }

    @Test
    void invalidDurationsAndInstantsExitTwoSayingWhatIsAccepted() {
        Cli.Result timeout = cli.run("dlt", "list", "--timeout", "soon");
        Cli.Result since = cli.run("dlt", "show", "--topic", "x-dlt", "--since", "yesterday");

        assertThat(timeout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(timeout.err()).contains("'soon' is not a duration; use e.g. 30s, 5m");
        assertThat(since.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(since.err()).contains("'yesterday' is neither an ISO-8601 instant");
    }

    @Test
    void contradictoryOrOutOfRangeValuesExitTwo() {
        assertThat(cli.run("dlt", "show", "--topic", "x-dlt", "--from-offset", "9", "--to-offset", "3").err())
                .startsWith("--from-offset 9 is after --to-offset 3");
        assertThat(cli.run("dlt", "show", "--topic", "x-dlt", "--since", "2025-06-02T00:00:00Z",
                "--until", "2025-06-01T00:00:00Z").err())
                .startsWith("--since 2025-06-02T00:00:00Z is after --until 2025-06-01T00:00:00Z");
        assertThat(cli.run("dlt", "replay", "--topic", "x-dlt", "--rate", "0").err()).startsWith("--rate must be more than 0");
        assertThat(cli.run("dlt", "replay", "--topic", "x-dlt", "--limit", "0").err()).startsWith("--limit must be at least 1");
        assertThat(cli.run("dlt", "show", "--topic", "x-dlt", "--partition", "-1").err()).startsWith("--partition must be 0 or more");
        assertThat(cli.run("dlt", "list", "--timeout", "0s").err()).startsWith("--timeout must be positive");
        assertThat(cli.run("saga", "list", "--limit", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anOrderIdMustBeAUuid() {
        Cli.Result result = cli.run("saga", "show", "order-1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("ORDER_ID", "'order-1'");
    }

    @Test
    void retryNeedsAReason() {
        Cli.Result result = cli.run("saga", "retry", "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Missing required option: '--reason=R'");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        // Nothing listens on port 1: the message names the address that was given, wherever it was given.
        Cli.Result before = cli.run("--bootstrap-servers", "localhost:1", "--timeout", "1s", "dlt", "list");
        Cli.Result after = cli.run("dlt", "list", "--bootstrap-servers", "localhost:1", "--timeout", "1s");

        assertThat(before.err()).isEqualTo("error: cannot reach Kafka at localhost:1 within 1s\n");
        assertThat(after.err()).isEqualTo("error: cannot reach Kafka at localhost:1 within 1s\n");
        assertThat(before.exitCode()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result result = cli.run("dlt", "list", "--bootstrap-servers", "localhost:1", "--timeout", "1s", "--verbose");

        assertThat(result.err()).startsWith("error: cannot reach Kafka at localhost:1 within 1s\n")
                .contains("dev.ordersaga.ops.OpsException", "\tat ");
    }

    private static void collect(CommandLine commandLine, List<String> names) {
        names.add(commandLine.getCommandSpec().qualifiedName());
        commandLine.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
