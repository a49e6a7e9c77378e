package dev.ordersaga.e2e;

import dev.ordersaga.ops.Interruption;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.OpsContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The operator's CLI, run in this JVM against the system under test, with what it printed. */
final class Ops {

    static final String OPERATOR = "e2e-operator";

    private Ops() {
    }

    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        OpsContext context = new OpsContext(Map.of("ORDERSAGA_OPERATOR", OPERATOR), Clock.systemUTC(),
                () -> "e2e-host", false, grace -> NEVER_INTERRUPTED);
        CommandLine cli = OpsCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> command = new ArrayList<>(List.of(
                "--bootstrap-servers", EndToEndTest.system.kafkaBootstrapServers(),
                "--orchestrator-url", EndToEndTest.system.sagaOrchestrator().toString()));
        command.addAll(List.of(args));
        int exitCode = cli.execute(command.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static final Interruption NEVER_INTERRUPTED = new Interruption() {
        @Override
        public boolean requested() {
            return false;
        }

        @Override
        public void close() {
        }
    };
}
