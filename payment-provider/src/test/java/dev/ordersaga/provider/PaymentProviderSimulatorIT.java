package dev.ordersaga.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP, as the payment service and operators see it. */
class PaymentProviderSimulatorIT {

    private final PaymentProviderSimulator provider = PaymentProviderSimulator.start(0, Behaviour.normal());
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String chargeKey = "charge-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aChargeIsCapturedOnceAndItsKeyReplaysTheStoredResponse() throws Exception {
        HttpResponse<String> first = post("/v1/charges", chargeKey, charge("c-1", 1234));
        HttpResponse<String> replay = post("/v1/charges", chargeKey, charge("c-1", 1234));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode captured = json.readTree(first.body());
        assertThat(captured.get("status").asText()).isEqualTo("captured");
        assertThat(captured.get("chargeId").asText()).startsWith("ch_");
        assertThat(captured.get("amount").asLong()).isEqualTo(1234);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(provider.stats()).isEqualTo(new ProviderStats(1, 0, 0, 1, 0, 0));
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndAMissingKeyABadRequest() throws Exception {
        post("/v1/charges", chargeKey, charge("c-1", 1234));

        assertThat(post("/v1/charges", chargeKey, charge("c-1", 1)).statusCode()).isEqualTo(409);
        assertThat(post("/v1/charges", null, charge("c-1", 1)).statusCode()).isEqualTo(400);
        assertThat(post("/v1/charges", "k", "not json").statusCode()).isEqualTo(400);
        assertThat(provider.stats().chargesCaptured()).isEqualTo(1);
    }

    @Test
    void aDeclinedCustomerGets402WithTheReason() throws Exception {
        provider.behaviour(Behaviour.normal().withDeclinedCustomers("c-stolen-card"));

        HttpResponse<String> declined = post("/v1/charges", chargeKey, charge("c-stolen-card", 500));

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(json.readTree(declined.body()).get("status").asText()).isEqualTo("declined");
        assertThat(json.readTree(declined.body()).get("reason").asText()).isEqualTo("card declined");
        assertThat(provider.stats().chargesDeclined()).isEqualTo(1);
    }

    @Test
    void aRefundReturnsTheCaptureOnceAndARefundOfNothingIs404() throws Exception {
        String nothingCharged = "charge-" + UUID.randomUUID();
        HttpResponse<String> noCharge = post("/v1/refunds", "refund-a", refundOf(nothingCharged));
        post("/v1/charges", chargeKey, charge("c-1", 700));

        HttpResponse<String> refunded = post("/v1/refunds", "refund-b", refundOf(chargeKey));
        HttpResponse<String> replayed = post("/v1/refunds", "refund-b", refundOf(chargeKey));
        HttpResponse<String> otherKey = post("/v1/refunds", "refund-c", refundOf(chargeKey));

        assertThat(noCharge.statusCode()).isEqualTo(404);
        assertThat(json.readTree(noCharge.body()).get("status").asText()).isEqualTo("no_charge");
        assertThat(refunded.statusCode()).isEqualTo(200);
        JsonNode refund = json.readTree(refunded.body());
        assertThat(refund.get("status").asText()).isEqualTo("refunded");
        assertThat(refund.get("amount").asLong()).isEqualTo(700);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json.readTree(otherKey.body()).get("refundId")).isEqualTo(refund.get("refundId"));
        assertThat(provider.stats().refunds()).isEqualTo(1);
    }

    @Test
    void injectedFailuresDoNothingAndFollowTheSeed() throws Exception {
        String seeded = """
                {"failureRate": 0.5, "failureStatus": 503, "seed": 11}""";
        assertThat(send("PUT", "/admin/behaviour", null, seeded).statusCode()).isEqualTo(200);
        List<Integer> firstRun = chargeStatuses(20);
        send("PUT", "/admin/behaviour", null, seeded);
        List<Integer> secondRun = chargeStatuses(20);

        assertThat(firstRun).containsOnly(201, 503).contains(201, 503);
        assertThat(secondRun).isEqualTo(firstRun);
        long failed = firstRun.stream().filter(status -> status == 503).count();
        JsonNode stats = json.readTree(send("GET", "/admin/stats", null, null).body());
        assertThat(stats.get("injectedFailures").asLong()).isEqualTo(2 * failed);
        assertThat(stats.get("chargesCaptured").asLong()).isEqualTo(2 * (20 - failed));
    }

    @Test
    void aFailureComesBeforeTheIdempotencyLookupSoARetryLaterStillCaptures() throws Exception {
        provider.behaviour(Behaviour.normal().withFailures(1.0, 500));
        HttpResponse<String> failed = post("/v1/charges", chargeKey, charge("c-1", 100));
        provider.behaviour(Behaviour.normal());
        HttpResponse<String> retried = post("/v1/charges", chargeKey, charge("c-1", 100));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void behaviourIsReadAndChangedOverHttpWithNormalDefaultsAndValidation() throws Exception {
        HttpResponse<String> changed = send("PUT", "/admin/behaviour", null, """
                {"latencyMs": 5, "declineCustomers": ["c-9"]}""");
        JsonNode current = json.readTree(send("GET", "/admin/behaviour", null, null).body());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(current.get("latencyMs").asLong()).isEqualTo(5);
        assertThat(current.get("answerDelayMs").asLong()).isZero();
        assertThat(current.get("failureStatus").asInt()).isEqualTo(503);
        assertThat(current.get("timeoutMs").asLong()).isEqualTo(5000);
        assertThat(current.get("declineCustomers").get(0).asText()).isEqualTo("c-9");
        assertThat(provider.behaviour()).isEqualTo(Behaviour.normal().withLatencyMs(5).withDeclinedCustomers("c-9"));
        assertThat(send("PUT", "/admin/behaviour", null, "{\"failureRate\": 2}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/admin/behaviour", null, "{\"failurRate\": 0.1}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/admin/behaviour", null, "{\"answerDelayMs\": -1}").statusCode()).isEqualTo(400);
        assertThat(provider.behaviour().latencyMs()).isEqualTo(5);
    }

    @Test
    void aTimeoutHangsAnswers504AndCapturesNothing() throws Exception {
        provider.behaviour(Behaviour.normal().withTimeouts(1.0, 100));

        HttpResponse<String> timedOut = post("/v1/charges", chargeKey, charge("c-1", 100));

        assertThat(timedOut.statusCode()).isEqualTo(504);
        assertThat(provider.stats().timeouts()).isEqualTo(1);
        assertThat(provider.stats().chargesCaptured()).isZero();
    }

    @Test
    void healthIsUpAndUnknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/v1/charges", null, null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/v2/whatever", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theReportingApiListsEveryCaptureInCaptureOrderAndOneByItsKey() throws Exception {
        String otherKey = "charge-" + UUID.randomUUID();
        provider.behaviour(Behaviour.normal().withDeclinedCustomers("c-declined"));
        JsonNode first = json.readTree(post("/v1/charges", chargeKey, charge("c-1", 4999)).body());
        post("/v1/charges", "charge-" + UUID.randomUUID(), charge("c-declined", 10));
        JsonNode second = json.readTree(post("/v1/charges", otherKey, charge("c-2", 700)).body());
        JsonNode refund = json.readTree(post("/v1/refunds", "refund-1", refundOf(otherKey)).body());

        HttpResponse<String> all = send("GET", "/v1/charges", null, null);
        HttpResponse<String> one = send("GET", "/v1/charges?idempotencyKey=" + chargeKey, null, null);
        HttpResponse<String> none = send("GET", "/v1/charges?idempotencyKey=charge-" + UUID.randomUUID(), null, null);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json.readTree(all.body())).isEqualTo(json.readTree("""
                {"data": [
                  {"idempotencyKey": "%s", "chargeId": "%s", "customerId": "c-1", "amount": 4999, "currency": "EUR",
                   "status": "captured", "refundId": null},
                  {"idempotencyKey": "%s", "chargeId": "%s", "customerId": "c-2", "amount": 700, "currency": "EUR",
                   "status": "refunded", "refundId": "%s"}]}""".formatted(chargeKey, first.get("chargeId").asText(),
                otherKey, second.get("chargeId").asText(), refund.get("refundId").asText())));
        assertThat(json.readTree(one.body()).get("data")).containsExactly(json.readTree(all.body()).get("data").get(0));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json.readTree(none.body()).get("data")).isEmpty();
        assertThat(send("GET", "/v1/charges?idempotency_key=" + chargeKey, null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void aDelayedAnswerComesAfterTheCaptureIsListed() throws Exception {
        long answerDelayMs = 2_000;
        assertThat(send("PUT", "/admin/behaviour", null, "{\"answerDelayMs\": " + answerDelayMs + "}").statusCode())
                .isEqualTo(200);
        assertThat(json.readTree(send("GET", "/admin/behaviour", null, null).body()).get("answerDelayMs").asLong())
                .isEqualTo(answerDelayMs);
        long started = System.nanoTime();

        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request("POST", "/v1/charges", chargeKey,
                charge("c-1", 4999)).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode listed = await("the capture in the reporting API").atMost(Duration.ofSeconds(10))
                .until(() -> json.readTree(send("GET", "/v1/charges?idempotencyKey=" + chargeKey, null, null).body())
                        .get("data"), data -> data.size() == 1);
        assertThat(answer).isNotDone();
        HttpResponse<String> captured = answer.get();
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(answerDelayMs);
        assertThat(captured.statusCode()).isEqualTo(201);
        assertThat(json.readTree(captured.body()).get("chargeId")).isEqualTo(listed.get(0).get("chargeId"));
        assertThat(provider.stats().chargesCaptured()).isEqualTo(1);
    }

    @Test
    void theReportingApiFailsAsTheBehaviourSaysLikeEveryV1Call() throws Exception {
        post("/v1/charges", chargeKey, charge("c-1", 100));
        provider.behaviour(Behaviour.normal().withFailures(1.0, 503));

        assertThat(send("GET", "/v1/charges?idempotencyKey=" + chargeKey, null, null).statusCode()).isEqualTo(503);
    }

    private List<Integer> chargeStatuses(int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(post("/v1/charges", "charge-" + UUID.randomUUID(), charge("c-1", 100)).statusCode());
        }
        return statuses;
    }

    private static String charge(String customerId, long amount) {
        return """
                {"amount": %d, "currency": "EUR", "customerId": "%s", "reference": "order-1"}"""
                .formatted(amount, customerId);
    }

    private static String refundOf(String chargeKey) {
        return """
                {"chargeIdempotencyKey": "%s"}""".formatted(chargeKey);
    }

    private HttpResponse<String> post(String path, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return send("POST", path, idempotencyKey, body);
    }

    private HttpResponse<String> send(String method, String path, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, idempotencyKey, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request;
    }
}
