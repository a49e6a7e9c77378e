package dev.ordersaga.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The processor's books: captured charges by idempotency key, their refunds, and the answer stored for every
 * idempotency key, Stripe-like: the same key with the same request answers the stored response again; the same
 * key with another request is a 409. Only outcomes are stored (a capture, a decline, a refund); an answer where
 * nothing happened (a 400, a refund of nothing) is not, so asking again later may still do the work. Its reporting
 * side lists the captures, in the order they were made, as a processor's reporting API does for reconciliation.
 *
 * <p>One lock for everything: the simulator favours obvious correctness over throughput.
 */
final class CardProcessor {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Counters counters;
    private final Map<String, StoredAnswer> answersByKey = new HashMap<>();
    private final Map<String, Capture> capturesByKey = new HashMap<>();
    private final List<Capture> capturesInOrder = new ArrayList<>();
    private final Map<String, Integer> positionByChargeId = new HashMap<>();

    CardProcessor(Counters counters) {
        this.counters = counters;
    }

    synchronized Reply charge(String idempotencyKey, JsonNode request, Behaviour behaviour) {
        return idempotent("charges", idempotencyKey, request, () -> {
            String invalid = invalidCharge(request);
            if (invalid != null) {
                return Reply.problem(400, "invalid_request", invalid);
            }
            if (behaviour.declines(request.get("customerId").asText())) {
                counters.declined();
                return Reply.problem(402, "declined", "card declined");
            }
            Capture capture = new Capture(idempotencyKey, "ch_" + randomId(), request.get("customerId").asText(),
                    request.get("amount").asLong(), request.get("currency").asText());
            capturesByKey.put(idempotencyKey, capture);
            positionByChargeId.put(capture.chargeId, capturesInOrder.size());
            capturesInOrder.add(capture);
            counters.captured();
            return Reply.of(201, Json.object()
                    .put("chargeId", capture.chargeId)
                    .put("status", "captured")
                    .put("amount", capture.amount)
                    .put("currency", capture.currency));
        });
    }

    /** Refunds the capture made under {@code chargeIdempotencyKey}, once, whatever the refund's own key. */
    synchronized Reply refund(String idempotencyKey, JsonNode request) {
        return idempotent("refunds", idempotencyKey, request, () -> {
            JsonNode chargeKey = request.path("chargeIdempotencyKey");
            if (!chargeKey.isTextual() || chargeKey.asText().isBlank()) {
                return Reply.problem(400, "invalid_request", "chargeIdempotencyKey is required");
            }
            Capture capture = capturesByKey.get(chargeKey.asText());
            if (capture == null) {
                return Reply.problem(404, "no_charge", "no captured charge under " + chargeKey.asText());
            }
            if (capture.refundId == null) {
                capture.refundId = "re_" + randomId();
                counters.refunded();
            }
            return Reply.of(200, Json.object()
                    .put("refundId", capture.refundId)
                    .put("status", "refunded")
                    .put("chargeId", capture.chargeId)
                    .put("amount", capture.amount)
                    .put("currency", capture.currency));
        });
    }

    /**
     * {@code {"data": [capture, ...]}}: the captures the query selects, in capture order; declines are not captures.
     * A capture stays listed once refunded, with its status and refund id.
     */
    synchronized Reply charges(ChargeQuery query) {
        Integer after = query.startingAfter() == null ? Integer.valueOf(-1)
                : positionByChargeId.get(query.startingAfter());
        if (after == null) {
            return Reply.problem(400, "invalid_request", "startingAfter names no charge: " + query.startingAfter());
        }
        int from = after + 1;
        List<Capture> selected = query.idempotencyKey() == null
                ? capturesInOrder.subList(Math.min(from, capturesInOrder.size()), capturesInOrder.size())
                : Optional.ofNullable(capturesByKey.get(query.idempotencyKey()))
                        .filter(capture -> positionByChargeId.get(capture.chargeId) >= from)
                        .map(List::of).orElse(List.of());
        ArrayNode data = Json.MAPPER.createArrayNode();
        selected.stream().limit(query.limit()).forEach(capture -> data.add(capture.toJson()));
        ObjectNode body = Json.object();
        body.set("data", data);
        return Reply.of(200, body);
    }

    private Reply idempotent(String endpoint, String key, JsonNode request, Supplier<Reply> work) {
        StoredAnswer stored = answersByKey.get(key);
        if (stored != null) {
            if (!stored.answers(endpoint, request)) {
                return Reply.problem(409, "idempotency_conflict",
                        "Idempotency-Key " + key + " was used with another request");
            }
            counters.replayed();
            return stored.reply.asReplay();
        }
        Reply reply = work.get();
        if (isOutcome(reply)) {
            answersByKey.put(key, new StoredAnswer(endpoint, request, reply));
        }
        return reply;
    }

    private static boolean isOutcome(Reply reply) {
        return reply.status() < 300 || reply.status() == 402;
    }

    private static String invalidCharge(JsonNode request) {
        JsonNode amount = request.path("amount");
        if (!amount.canConvertToLong() || !amount.isIntegralNumber() || amount.asLong() <= 0) {
            return "amount must be a positive integer in minor units";
        }
        if (!CURRENCY.matcher(request.path("currency").asText("")).matches()) {
            return "currency must be an ISO-4217 code";
        }
        if (!request.path("customerId").isTextual() || request.get("customerId").asText().isBlank()) {
            return "customerId is required";
        }
        return null;
    }

    private static String randomId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** What one key was first used for, and the answer it got. */
    private record StoredAnswer(String endpoint, JsonNode request, Reply reply) {

        boolean answers(String otherEndpoint, JsonNode otherRequest) {
            return endpoint.equals(otherEndpoint) && request.equals(otherRequest);
        }
    }

    private static final class Capture {

        private final String idempotencyKey;
        private final String chargeId;
        private final String customerId;
        private final long amount;
        private final String currency;
        private String refundId;

        Capture(String idempotencyKey, String chargeId, String customerId, long amount, String currency) {
            this.idempotencyKey = idempotencyKey;
            this.chargeId = chargeId;
            this.customerId = customerId;
            this.amount = amount;
            this.currency = currency;
        }

        /** The reporting API's shape of a capture. */
        ObjectNode toJson() {
            return Json.object()
                    .put("idempotencyKey", idempotencyKey)
                    .put("chargeId", chargeId)
                    .put("customerId", customerId)
                    .put("amount", amount)
                    .put("currency", currency)
                    .put("status", refundId == null ? "captured" : "refunded")
                    .put("refundId", refundId);
        }
    }
}
