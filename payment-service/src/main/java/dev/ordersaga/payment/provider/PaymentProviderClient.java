package dev.ordersaga.payment.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.payment.money.Money;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The provider's HTTP API ({@code POST /v1/charges}, {@code POST /v1/refunds}, and the reporting API's
 * {@code GET /v1/charges?idempotencyKey=}) behind {@link ProviderResilience}:
 * transient failures are retried within the budget of {@code resilience4j.*}; what still fails throws
 * {@link ProviderUnavailableException}.
 */
public class PaymentProviderClient implements PaymentProvider {

    private final ProviderHttp http;
    private final ProviderResilience resilience;
    private final ObjectMapper json;

    PaymentProviderClient(ProviderHttp http, ProviderResilience resilience, ObjectMapper json) {
        this.http = http;
        this.resilience = resilience;
        this.json = json;
    }

    @Override
    public ProviderCharge charge(String idempotencyKey, String customerId, Money amount, String reference) {
        Map<String, Object> body = Map.of("amount", amount.amount(), "currency", amount.currency(),
                "customerId", customerId, "reference", reference);
        HttpResponse<String> response = resilience.call(() -> http.post("/v1/charges", idempotencyKey, body));
        return switch (response.statusCode()) {
            case 200, 201 -> new ProviderCharge.Captured(field(response, "chargeId"));
            case 402 -> new ProviderCharge.Declined(declineReason(response));
            default -> throw rejected("charge " + idempotencyKey, response);
        };
    }

    @Override
    public ProviderRefund refund(String idempotencyKey, String chargeIdempotencyKey) {
        Map<String, Object> body = Map.of("chargeIdempotencyKey", chargeIdempotencyKey);
        HttpResponse<String> response = resilience.call(() -> http.post("/v1/refunds", idempotencyKey, body));
        return switch (response.statusCode()) {
            case 200, 201 -> new ProviderRefund.Refunded(field(response, "refundId"));
            case 404 -> new ProviderRefund.NothingCaptured();
            default -> throw rejected("refund " + idempotencyKey, response);
        };
    }

    @Override
    public ProviderCapture captureUnder(String chargeIdempotencyKey) {
        String query = "/v1/charges?idempotencyKey=" + URLEncoder.encode(chargeIdempotencyKey, StandardCharsets.UTF_8);
        HttpResponse<String> response = resilience.call(() -> http.get(query));
        if (response.statusCode() != 200) {
            throw rejected("the lookup of " + chargeIdempotencyKey, response);
        }
        JsonNode captures = parse(response).path("data");
        if (!captures.isArray() || captures.size() > 1) {
            throw new ProviderRejectedException("The payment provider listed something other than at most one capture"
                    + " under " + chargeIdempotencyKey + ": " + response.body());
        }
        if (captures.isEmpty()) {
            return new ProviderCapture.NotCaptured();
        }
        JsonNode capture = captures.get(0);
        String chargeId = text(capture, "chargeId", response);
        JsonNode amount = capture.path("amount");
        if (!amount.isIntegralNumber()) {
            throw new ProviderRejectedException("The payment provider's capture has no amount: " + response.body());
        }
        Money captured = Money.of(amount.asLong(), text(capture, "currency", response));
        return switch (text(capture, "status", response)) {
            case "captured" -> new ProviderCapture.Captured(chargeId, captured);
            case "refunded" -> new ProviderCapture.Refunded(chargeId, captured);
            default -> throw new ProviderRejectedException("The payment provider's capture has an unknown status: "
                    + response.body());
        };
    }

    private String declineReason(HttpResponse<String> response) {
        String reason = parse(response).path("reason").asText("");
        return reason.isBlank() ? "declined by the payment provider" : reason;
    }

    private String field(HttpResponse<String> response, String name) {
        return text(parse(response), name, response);
    }

    private static String text(JsonNode node, String name, HttpResponse<String> response) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ProviderRejectedException("The payment provider's answer has no " + name + ": " + response.body());
        }
        return value.asText();
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ProviderRejectedException("The payment provider answered HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + response.body());
        }
    }

    private static ProviderRejectedException rejected(String call, HttpResponse<String> response) {
        return new ProviderRejectedException("The payment provider refused " + call + ": HTTP "
                + response.statusCode() + " " + response.body());
    }
}
