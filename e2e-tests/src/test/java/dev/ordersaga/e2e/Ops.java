package dev.ordersaga.e2e;

import dev.ordersaga.infra.ServiceDatabase;
import dev.ordersaga.localstack.StackService;
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

    /**
     * {@code audit} over the three services' databases and the provider's report, for the orders of the last
     * {@code since} (an ISO-8601 duration), as JSON, with no settle delay: the scenario has waited for its orders.
     */
    static String[] auditArgs(Map<StackService, ServiceDatabase> databases, String since) {
        List<String> args = new ArrayList<>(List.of("audit", "--since", since, "--settle-after", "0s", "--json",
                "--provider-url", EndToEndTest.system.paymentProvider().toString()));
        database(args, "orders", databases.get(StackService.ORDER_SERVICE));
        database(args, "inventory", databases.get(StackService.INVENTORY_SERVICE));
        database(args, "payments", databases.get(StackService.PAYMENT_SERVICE));
        return args.toArray(String[]::new);
    }

    private static void database(List<String> args, String name, ServiceDatabase database) {
        args.addAll(List.of("--" + name + "-db", database.jdbcUrl(), "--" + name + "-db-user", database.username(),
                "--" + name + "-db-password", database.password()));
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
