package dev.ordersaga.ops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import dev.ordersaga.provider.Behaviour;
import dev.ordersaga.provider.PaymentProviderSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * The simulated payment provider, in this JVM, charged and refunded over its HTTP API under the keys payment-service
 * uses, as payment-service would: what the audit reconciles the payments with.
 */
final class ProviderBooks implements AutoCloseable {

    private final PaymentProviderSimulator simulator = PaymentProviderSimulator.start(0, Behaviour.normal());
    private final HttpClient http = HttpClient.newHttpClient();

    URI url() {
        return simulator.baseUrl();
    }

    /** @return the capture's charge id */
    String capture(UUID orderId, long amount) {
        return post("/v1/charges", CaptureRow.keyOf(orderId), """
                {"amount": %d, "currency": "%s", "customerId": "customer-1", "reference": "%s"}"""
                .formatted(amount, Shop.CURRENCY, orderId)).get("chargeId").asText();
    }

    void refund(UUID orderId) {
        post("/v1/refunds", "refund-" + orderId, """
                {"chargeIdempotencyKey": "%s"}""".formatted(CaptureRow.keyOf(orderId)));
    }

    private JsonNode post(String path, String idempotencyKey, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the provider answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
