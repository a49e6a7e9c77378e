package dev.ordersaga.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HTTP API: {@code /v1} for the payment service (and the reporting API, {@code GET /v1/charges}, for
 * reconciliation), {@code /admin} for tests and operators, {@code /health}.
 */
final class Routes implements HttpHandler {

    private static final System.Logger log = System.getLogger(Routes.class.getName());
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final FaultInjector faults;
    private final CardProcessor processor;
    private final Counters counters;

    Routes(FaultInjector faults, CardProcessor processor, Counters counters) {
        this.faults = faults;
        this.processor = processor;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            send(exchange, route(exchange));
        } catch (IOException clientGone) {
            // A client that timed out has closed the connection; the work (if any) is done and stays done.
            log.log(System.Logger.Level.DEBUG, "Could not answer {0}: {1}", exchange.getRequestURI(), clientGone);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply route(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        return switch (exchange.getRequestURI().getPath()) {
            case "/v1/charges" -> switch (method) {
                case "POST" -> payment(exchange, processor::charge);
                case "GET" -> report(exchange);
                default -> notAllowed();
            };
            case "/v1/refunds" -> "POST".equals(method)
                    ? payment(exchange, (key, request, behaviour) -> processor.refund(key, request))
                    : notAllowed();
            case "/admin/behaviour" -> switch (method) {
                case "GET" -> Reply.of(200, Json.MAPPER.valueToTree(BehaviourJson.of(faults.behaviour())));
                case "PUT" -> changeBehaviour(exchange);
                default -> notAllowed();
            };
            case "/admin/stats" -> "GET".equals(method)
                    ? Reply.of(200, Json.MAPPER.valueToTree(counters.snapshot()))
                    : notAllowed();
            case "/health" -> Reply.of(200, Json.object().put("status", "UP"));
            default -> Reply.problem(404, "not_found", null);
        };
    }

    private Reply payment(HttpExchange exchange, PaymentCall call) throws IOException, InterruptedException {
        Optional<Reply> fault = faults.intercept();
        if (fault.isPresent()) {
            return fault.get();
        }
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return Reply.problem(400, "invalid_request", "the Idempotency-Key header is required");
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(exchange.getRequestBody());
        } catch (JsonProcessingException notJson) {
            return Reply.problem(400, "invalid_request", "the body is not JSON");
        }
        if (request == null || !request.isObject()) {
            return Reply.problem(400, "invalid_request", "the body must be a JSON object");
        }
        Behaviour behaviour = faults.behaviour();
        Reply reply = call.handle(key, request, behaviour);
        // The outcome is stored and listed by now; only its answer is late: what a caller that dies or gives up
        // meanwhile never learns.
        Thread.sleep(behaviour.answerDelayMs());
        return reply;
    }

    private Reply report(HttpExchange exchange) throws InterruptedException {
        Optional<Reply> fault = faults.intercept();
        if (fault.isPresent()) {
            return fault.get();
        }
        ChargeQuery query;
        try {
            query = ChargeQuery.parse(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException invalid) {
            return Reply.problem(400, "invalid_request", invalid.getMessage());
        }
        return processor.charges(query);
    }

    private Reply changeBehaviour(HttpExchange exchange) throws IOException {
        Behaviour behaviour;
        try {
            behaviour = Json.MAPPER.readValue(exchange.getRequestBody(), BehaviourJson.class).toBehaviour();
        } catch (JsonProcessingException | IllegalArgumentException invalid) {
            return Reply.problem(400, "invalid_request", invalid.getMessage());
        }
        faults.behaviour(behaviour);
        log.log(System.Logger.Level.INFO, "Behaviour changed to {0}", behaviour);
        return Reply.of(200, Json.MAPPER.valueToTree(BehaviourJson.of(behaviour)));
    }

    private static Reply notAllowed() {
        return Reply.problem(405, "method_not_allowed", null);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = Json.MAPPER.writeValueAsString(reply.body()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (reply.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    @FunctionalInterface
    private interface PaymentCall {
        Reply handle(String idempotencyKey, JsonNode request, Behaviour behaviour);
    }
}
