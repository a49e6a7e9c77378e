package dev.ordersaga.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's {@code /actuator/health} whether it is UP. */
final class HealthProbe {

    private final HttpClient http;
    private final ObjectMapper json;

    HealthProbe(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    boolean isUp(URI baseUrl) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(status(response.body()));
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private String status(String body) {
        try {
            JsonNode status = json.readTree(body).path("status");
            return status.asText();
        } catch (IOException notJson) {
            return "";
        }
    }
}
