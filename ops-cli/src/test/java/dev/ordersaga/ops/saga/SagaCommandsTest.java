package dev.ordersaga.ops.saga;

import static dev.ordersaga.ops.saga.SagaJson.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Cli;
import dev.ordersaga.ops.ExitCodes;
import dev.ordersaga.ops.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The saga commands against a fake orchestrator that answers with the admin API's documented shapes. */
class SagaCommandsTest {

    private final Cli cli = Cli.at(Instant.parse("2025-06-01T10:05:03Z"));
    private FakeOrchestrator orchestrator;

    @BeforeEach
    void startOrchestrator() throws IOException {
        orchestrator = FakeOrchestrator.start();
    }

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    @Test
    void showPrintsTheSagaAndItsTimeline() {
        orchestrator.answer("GET /sagas/" + ORDER, 200, SagaJson.RUNNING);

        Cli.Result result = run("saga", "show", ORDER);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("saga " + ORDER + " (create-order v1)\n")
                .contains("  state     RUNNING\n", "  step      2 charge-payment\n",
                        "  attempts  3 (command try 2)\n",
                        "  deadline  2025-06-01T10:04:00Z (overdue by 1m03s)\n")
                .contains("""
                        AT                        TYPE          STEP               MESSAGE           MESSAGE ID                            DETAIL
                        2025-06-01T10:00:00.120Z  STARTED       create-order       OrderPlaced       0d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a  -
                        2025-06-01T10:00:00.300Z  COMMAND_SENT  reserve-inventory  ReserveInventory  1d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a  lines=2
                        2025-06-01T10:03:00Z      COMMAND_SENT  charge-payment     ChargePayment     2d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a  attempt=3, reason=deadline passed
                        """);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void showJsonIsTheOrchestratorsAnswer() throws Exception {
        orchestrator.answer("GET /sagas/" + ORDER, 200, SagaJson.RUNNING);

        Cli.Result result = run("saga", "show", ORDER, "--json");

        assertThat(Json.mapper().readTree(result.out())).isEqualTo(Json.mapper().readTree(SagaJson.RUNNING));
    }

    @Test
    void anUnknownSagaIsExitThreeWithTheProblemsDetail() {
        orchestrator.answer("GET /sagas/" + ORDER, 404, SagaJson.NOT_FOUND);

        Cli.Result result = run("saga", "show", ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).isEqualTo("error: No saga for order " + ORDER + "\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void listSendsEachFilterAsAQueryParameter() {
        orchestrator.answer("GET /sagas", 200, SagaJson.LIST);

        Cli.Result result = run("saga", "list", "--state", "running", "--state", "COMPENSATING", "--stuck",
                "--older-than", "5m", "--limit", "50");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(orchestrator.requests()).singleElement().satisfies(request ->
                assertThat(request.query()).isEqualTo("state=RUNNING&state=COMPENSATING&stuck=true&olderThan=PT5M&limit=50"));
    }

    @Test
    void listWithoutFiltersSendsNone() {
        orchestrator.answer("GET /sagas", 200, "[]");

        Cli.Result result = run("saga", "list");

        assertThat(orchestrator.requests()).singleElement().satisfies(request -> assertThat(request.query()).isNull());
        assertThat(result.out()).isEqualTo("No sagas match.\n");
    }

    @Test
    void listShowsAgeAndDeadlineOfEachSaga() {
        orchestrator.answer("GET /sagas", 200, SagaJson.LIST);

        Cli.Result result = run("saga", "list");

        assertThat(result.out()).isEqualTo("""
                ORDER ID                              STATE         STEP                 ATTEMPTS    AGE  UPDATED  DEADLINE          FAILURE
                5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31  RUNNING       2 charge-payment            3  5m03s    2m03s  overdue by 1m03s  -
                7c1d7b9f-4e2a-4d8b-8f3c-9e5a2b7d1f42  COMPENSATING  1 reserve-inventory         1  1h05m       3s  in 27s            payment declined
                2 sagas
                """);
    }

    @Test
    void badParametersAreExitTwo() {
        orchestrator.answer("GET /sagas", 400, SagaJson.BAD_STATE);

        Cli.Result result = run("saga", "list", "--state", "STUCK");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("error: state: unknown value 'STUCK'\n");
    }

    @Test
    void retryPostsWhoAndWhyAndPrintsTheOutcomeAndNewState() throws Exception {
        orchestrator.answer("POST /sagas/" + ORDER + "/retry", 200, SagaJson.RETRIED);

        Cli.Result result = run("saga", "retry", ORDER, "--reason", "payment provider back up", "--operator", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(orchestrator.requests()).singleElement().satisfies(request -> {
            assertThat(request.contentType()).isEqualTo("application/json");
            JsonNode body = Json.mapper().readTree(request.body());
            assertThat(body.path("requestedBy").asText()).isEqualTo("alice");
            assertThat(body.path("reason").asText()).isEqualTo("payment provider back up");
        });
        assertThat(result.out()).isEqualTo("""
                retry of saga %s: RESENT
                now RUNNING, step 2 charge-payment, attempts 4, deadline 2025-06-01T10:05:33Z (in 30s)
                """.formatted(ORDER));
    }

    @Test
    void theOperatorDefaultsToTheEnvironment() throws Exception {
        orchestrator.answer("POST /sagas/" + ORDER + "/compensate", 200, SagaJson.RETRIED);

        run(cli.withEnv(Map.of("ORDERSAGA_OPERATOR", "oncall-bob", "USER", "root")), "saga", "compensate", ORDER, "--reason", "x");
        run(cli.withEnv(Map.of("USER", "carol")), "saga", "compensate", ORDER, "--reason", "y");

        assertThat(orchestrator.requests()).extracting(request -> Json.mapper().readTree(request.body()).path("requestedBy").asText())
                .containsExactly("oncall-bob", "carol");
    }

    @Test
    void compensatingAFinalSagaIsExitFourWithTheReason() {
        orchestrator.answer("POST /sagas/" + ORDER + "/compensate", 409, SagaJson.FINAL);

        Cli.Result result = run("saga", "compensate", ORDER, "--reason", "customer called");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(result.err()).isEqualTo("error: saga " + ORDER + " is COMPLETED; a final saga cannot be compensated\n");
    }

    @Test
    void retryOfAnUnknownSagaIsExitThree() {
        Cli.Result result = run("saga", "retry", ORDER, "--reason", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).isEqualTo("error: Not Found\n");
    }

    @Test
    void aServerErrorWithoutProblemDetailsIsExitOneWithTheStatus() {
        orchestrator.answerRaw("GET /sagas/" + ORDER, 502, "text/html", "<html>Bad Gateway</html>");

        Cli.Result result = run("saga", "show", ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("error: the orchestrator answered 502\n");
    }

    @Test
    void anAnswerThatIsNotJsonIsExitOne() {
        orchestrator.answerRaw("GET /sagas/" + ORDER, 200, "text/plain", "hello");

        Cli.Result result = run("saga", "show", ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("error: the orchestrator answered 200 with a body that is not JSON\n");
    }

    @Test
    void aClosedPortIsExitOneSayingWhere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = cli.run("saga", "show", ORDER, "--orchestrator-url", "http://localhost:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("error: cannot reach the orchestrator at http://localhost:" + closedPort
                + " (connection refused)\n");
    }

    @Test
    void anOrchestratorThatNeverAnswersTimesOut() throws IOException {
        // The kernel completes the connection from the listen backlog; nobody ever reads or answers the request.
        try (ServerSocket silent = new ServerSocket(0)) {
            Cli.Result result = cli.run("saga", "show", ORDER, "--timeout", "1s",
                    "--orchestrator-url", "http://localhost:" + silent.getLocalPort());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).isEqualTo("error: cannot reach the orchestrator at http://localhost:"
                    + silent.getLocalPort() + " within 1s\n");
        }
    }

    private Cli.Result run(String... args) {
        return run(cli, args);
    }

    private Cli.Result run(Cli withContext, String... args) {
        String[] withUrl = java.util.Arrays.copyOf(args, args.length + 2);
        withUrl[args.length] = "--orchestrator-url";
        withUrl[args.length + 1] = orchestrator.url();
        return withContext.run(withUrl);
    }
}
