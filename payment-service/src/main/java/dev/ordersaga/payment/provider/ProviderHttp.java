package dev.ordersaga.payment.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One HTTP exchange with the provider, asynchronous so that the time limiter can cancel it. */
final class ProviderHttp {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final ObjectMapper json;

    ProviderHttp(HttpClient http, PaymentProviderProperties properties, ObjectMapper json) {
        this.http = http;
        this.baseUrl = properties.url().toString().replaceAll("/+$", "");
        this.requestTimeout = properties.requestTimeout();
        this.json = json;
    }

    /** The future of the exchange itself: cancelling it aborts the request. */
    CompletableFuture<HttpResponse<String>> post(String path, String idempotencyKey, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(toJson(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The future of the exchange itself: cancelling it aborts the request. */
    CompletableFuture<HttpResponse<String>> get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private byte[] toJson(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
