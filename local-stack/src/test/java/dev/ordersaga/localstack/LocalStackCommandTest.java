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

    private int run(String... args) {
        CommandLine commandLine = LocalStackCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
