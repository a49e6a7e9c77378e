package dev.ordersaga.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Loads seed data through the services' own REST APIs, so it passes their validation like any client's. */
final class Seeder {

    private final HttpClient http;
    private final ObjectMapper json;

    Seeder(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    void seed(SeedData data, URI inventoryService, URI paymentService) throws InterruptedException {
        if (!data.products().isEmpty()) {
            put(inventoryService.resolve("/products"), data.products());
        }
        if (!data.accounts().isEmpty()) {
            put(paymentService.resolve("/accounts"), data.accounts());
        }
    }

    private void put(URI uri, List<?> body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(toJson(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Seeding PUT " + uri + " failed", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Seeding PUT " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Seed data is not serializable", e);
        }
    }
}
