package dev.ordersaga.ops.audit;

import dev.ordersaga.ops.HttpService;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The payment provider's reporting API over HTTP: {@code GET /v1/charges?limit=N&startingAfter=ch_…} pages through
 * every capture, {@code GET /v1/charges?idempotencyKey=charge-<orderId>} finds one. Read-only; each request is
 * bounded by {@code --timeout}.
 */
final class ProviderApi implements ProviderReader {

    private static final Set<String> STATUSES = Set.of(CaptureRow.CAPTURED, CaptureRow.REFUNDED);

    private final HttpService provider;

    ProviderApi(URI baseUrl, Duration timeout) {
        this.provider = new HttpService("the payment provider", baseUrl, timeout);
    }

    @Override
    public List<CaptureRow> captures(String startingAfter, int limit) {
        return get("/v1/charges?limit=" + limit
                + (startingAfter == null ? "" : "&startingAfter=" + HttpService.encode(startingAfter)));
    }

    @Override
    public Optional<CaptureRow> capture(UUID orderId) {
        List<CaptureRow> found = get("/v1/charges?idempotencyKey=" + HttpService.encode(CaptureRow.keyOf(orderId)));
        if (found.size() > 1) {
            throw OpsException.failure("the payment provider at " + provider.baseUrl() + " lists " + found.size()
                    + " captures under " + CaptureRow.keyOf(orderId) + ", at most one was expected", null);
        }
        return found.stream().findFirst();
    }

    private List<CaptureRow> get(String pathAndQuery) {
        HttpResponse<String> response = provider.send(HttpRequest.newBuilder(provider.uri(pathAndQuery))
                .header("Accept", "application/json").GET(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw OpsException.failure("the payment provider at " + provider.baseUrl() + " answered " + response.statusCode()
                    + " to GET " + pathAndQuery + ": " + response.body(), null);
        }
        return captures(pathAndQuery, response.body());
    }

    private List<CaptureRow> captures(String pathAndQuery, String body) {
        Page page;
        try {
            page = Json.mapper().readValue(body, Page.class);
        } catch (IOException e) {
            throw OpsException.failure("the payment provider at " + provider.baseUrl() + " answered GET " + pathAndQuery
                    + " with something other than a list of captures: " + body, e);
        }
        if (page.data() == null || page.data().stream().anyMatch(capture -> capture.chargeId() == null
                || capture.currency() == null || !STATUSES.contains(capture.status()))) {
            throw OpsException.failure("the payment provider at " + provider.baseUrl() + " answered GET " + pathAndQuery
                    + " with a capture without chargeId, currency or a known status: " + body, null);
        }
        return page.data();
    }

    /** The reporting API's answer: {@code {"data": [capture, ...]}}. */
    private record Page(List<CaptureRow> data) {
    }
}
