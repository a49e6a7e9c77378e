package dev.ordersaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's contract before anything starts: help, and exit code 2 with the reason for bad input. */
class LocalStackCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpDescribesTheFlagsAndExitsZero() {
        int exitCode = run("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--orders=N", "--concurrency=C", "--data-dir=DIR", "--kafka-port=PORT",
                "--postgres-port=PORT", "--base-port=PORT", "--startup-timeout=SECONDS");
    }

    @Test
    void unknownFlagIsNamedWithTheUsageAndExitsTwo() {
        int exitCode = run("--oders", "10");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option", "'--oders'", "Usage: local-stack");
    }

    @Test
    void nonNumericValueIsRejectedWithExitTwo() {
        int exitCode = run("--orders", "many");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'many' is not an int");
    }

    @Test
    void concurrencyBelowOneIsRejectedWithExitTwo() {
        int exitCode = run("--concurrency", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--concurrency must be at least 1");
    }

    @Test
    void basePortWhoseLastServicePortIsNoPortIsRejectedWithExitTwo() {
        int exitCode = run("--base-port", "65534");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--base-port must be a port from 0 to 65535, not 65537");
    }

    @Test
    void helpDescribesTheBenchmarkFlags() {
        run("--help");

        assertThat(out.toString()).contains("--bench", "--sweep", "--warmup=DURATION", "--window=DURATION",
                "--drain=DURATION", "--report=FILE", "--in-flight, --concurrency=C");
    }

    @Test
    void benchWithOrdersIsRejectedWithExitTwo() {
        assertRejected("--bench and --sweep measure fixed time windows; they do not go with --orders",
                "--bench", "--orders", "100");
    }

    @Test
    void sweepWithAnInFlightCountIsRejectedWithExitTwo() {
        assertRejected("--sweep runs at 1, 16, 64 and 256 in flight", "--sweep", "--in-flight", "8");
        assertRejected("--sweep runs at 1, 16, 64 and 256 in flight", "--sweep", "--concurrency", "8");
    }

    @Test
    void benchmarkTimingsWithoutABenchmarkAreRejectedWithExitTwo() {
        assertRejected("--warmup, --window and --drain need --bench or --sweep", "--window", "30s");
        assertRejected("--warmup, --window and --drain need --bench or --sweep", "--orders", "10", "--warmup", "5s");
    }

    @Test
    void aWindowOrDrainUnderOneSecondIsRejectedWithExitTwo() {
        assertRejected("--window must be at least 1 s, not 500 ms", "--bench", "--window", "500ms");
        assertRejected("--drain must be at least 1 s, not 0 ms", "--bench", "--drain", "0");
    }

    @Test
    void aDurationThatIsNoDurationIsRejectedWithExitTwo() {
        assertRejected("'soon' is not a duration; write e.g. 30s, 2m or 500ms", "--bench", "--warmup", "soon");
    }

    @Test
    void aReportWithoutALoadIsRejectedWithExitTwo() {
        assertRejected("--report needs --bench, --sweep, --idle or --orders", "--report", "bench.json");
    }

    @Test
    void aReportInADirectoryThatDoesNotExistIsRejectedBeforeAnythingStarts() {
        assertRejected("--report: the directory /no/such/directory does not exist",
                "--bench", "--report", "/no/such/directory/bench.json");
    }

    @Test
    void inFlightBelowOneIsRejectedUnderItsNewNameToo() {
        assertRejected("--concurrency must be at least 1", "--bench", "--in-flight", "0");
    }

    @Test
    void helpDescribesTheTuningFlags() {
        run("--help");

        assertThat(out.toString()).contains("--idle", "--jvm=c1|c2", "--[no-]cds", "--postgres-setting=NAME=VALUE");
    }

    @Test
    void idleWithALoadIsRejectedWithExitTwo() {
        assertRejected("--idle measures the idle stack only", "--idle", "--bench");
        assertRejected("--idle measures the idle stack only", "--idle", "--orders", "10");
    }

    @Test
    void anUnknownJvmProfileIsRejectedWithExitTwo() {
        int exitCode = run("--jvm", "graal");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--jvm", "graal");
    }

    @Test
    void everyModeRunsC1UnlessTheProfileIsGiven() {
        assertThat(profileOf("--bench")).isEqualTo(JvmProfile.C1);
        assertThat(profileOf("--sweep")).isEqualTo(JvmProfile.C1);
        assertThat(profileOf("--idle")).isEqualTo(JvmProfile.C1);
        assertThat(profileOf("--orders", "1000")).isEqualTo(JvmProfile.C1);
        assertThat(profileOf()).isEqualTo(JvmProfile.C1);
        assertThat(profileOf("--bench", "--jvm", "c2")).isEqualTo(JvmProfile.C2);
        assertThat(profileOf("--orders", "1000", "--jvm=C2")).isEqualTo(JvmProfile.C2);
    }

    private static JvmProfile profileOf(String... args) {
        CommandLine commandLine = LocalStackCommand.commandLine();
        commandLine.parseArgs(args);
        return ((LocalStackCommand) commandLine.getCommand()).jvmProfile();
    }

    private void assertRejected(String reason, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int exitCode = run(args);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains(reason);
    }

    private int run(String... args) {
        CommandLine commandLine = LocalStackCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
