package dev.ordersaga.ops.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.ExitCodes;
import dev.ordersaga.ops.HttpService;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsException;
import dev.ordersaga.ops.saga.SagaViews.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The orchestrator's admin API over HTTP. Answers come back as JSON trees (the {@code --json} output prints
 * them unchanged); problem+json errors become {@link OpsException}s whose message is the problem's detail.
 */
final class OrchestratorClient {

    private final HttpService orchestrator;

    OrchestratorClient(URI baseUrl, Duration timeout) {
        this.orchestrator = new HttpService("the orchestrator", baseUrl, timeout);
    }

    JsonNode saga(UUID orderId) {
        return send(HttpRequest.newBuilder(orchestrator.uri("/sagas/" + orderId)).GET());
    }

    /** @param query parameter name to its values, each value sent as its own parameter */
    JsonNode sagas(Map<String, List<String>> query) {
        String queryString = query.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream()
                        .map(value -> HttpService.encode(entry.getKey()) + "=" + HttpService.encode(value)))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(orchestrator.uri("/sagas" + (queryString.isEmpty() ? "" : "?" + queryString))).GET());
    }

    /** @param action {@code retry} or {@code compensate} */
    JsonNode act(UUID orderId, String action, String requestedBy, String reason) {
        byte[] body = json(Map.of("requestedBy", requestedBy, "reason", reason));
        return send(HttpRequest.newBuilder(orchestrator.uri("/sagas/" + orderId + "/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = orchestrator.send(
                request.header("Accept", "application/json, application/problem+json"),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw problem(response);
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw OpsException.failure("the orchestrator answered " + response.statusCode() + " with a body that is not JSON", e);
        }
    }

    /** 400 → exit 2, 404 → 3, 409 → 4, anything else → 1; the message is the problem's detail. */
    static OpsException problem(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String message = problemText(response.body()).orElse("the orchestrator answered " + status);
        int exitCode = switch (status) {
            case 400 -> ExitCodes.USAGE;
            case 404 -> ExitCodes.NOT_FOUND;
            case 409 -> ExitCodes.CONFLICT;
            default -> ExitCodes.FAILURE;
        };
        return new OpsException(exitCode, message);
    }

    private static Optional<String> problemText(byte[] body) {
        try {
            Problem problem = Json.mapper().readValue(body, Problem.class);
            if (problem.detail() != null && !problem.detail().isBlank()) {
                return Optional.of(problem.detail());
            }
            return Optional.ofNullable(problem.title()).filter(title -> !title.isBlank());
        } catch (IOException notAProblem) {
            return Optional.empty();
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
