package dev.ordersaga.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CardProcessorTest {

    private final Counters counters = new Counters();
    private final CardProcessor processor = new CardProcessor(counters);
    private final Behaviour normal = Behaviour.normal();

    @Test
    void capturesACharge() {
        Reply reply = processor.charge("charge-1", charge("c-1", 1234), normal);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.replayed()).isFalse();
        assertThat(reply.body().get("chargeId").asText()).startsWith("ch_");
        assertThat(reply.body().get("status").asText()).isEqualTo("captured");
        assertThat(reply.body().get("amount").asLong()).isEqualTo(1234);
        assertThat(reply.body().get("currency").asText()).isEqualTo("EUR");
        assertThat(counters.snapshot().chargesCaptured()).isEqualTo(1);
    }

    @Test
    void theSameKeyAndRequestAnswerTheStoredResponseWithoutASecondCapture() {
        Reply first = processor.charge("charge-1", charge("c-1", 1234), normal);
        Reply again = processor.charge("charge-1", charge("c-1", 1234), normal);

        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(counters.snapshot().chargesCaptured()).isEqualTo(1);
        assertThat(counters.snapshot().replays()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflict() {
        processor.charge("charge-1", charge("c-1", 1234), normal);

        Reply conflict = processor.charge("charge-1", charge("c-1", 9999), normal);
        Reply otherEndpoint = processor.refund("charge-1", refundOf("charge-1"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(otherEndpoint.status()).isEqualTo(409);
        assertThat(counters.snapshot().chargesCaptured()).isEqualTo(1);
        assertThat(counters.snapshot().refunds()).isZero();
    }

    @Test
    void declinesTheBehavioursCustomersAndKeepsTheDeclineForTheKey() {
        Behaviour declining = normal.withDeclinedCustomers("c-bad");

        Reply declined = processor.charge("charge-1", charge("c-bad", 100), declining);
        Reply replayed = processor.charge("charge-1", charge("c-bad", 100), normal);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.body().get("status").asText()).isEqualTo("declined");
        assertThat(declined.body().get("reason").asText()).isEqualTo("card declined");
        assertThat(replayed.status()).isEqualTo(402);
        assertThat(replayed.replayed()).isTrue();
        assertThat(counters.snapshot().chargesCaptured()).isZero();
        assertThat(counters.snapshot().chargesDeclined()).isEqualTo(1);
    }

    @Test
    void anInvalidChargeIsABadRequestThatIsNotStored() {
        ObjectNode negative = charge("c-1", -5);
        ObjectNode badCurrency = charge("c-1", 5).put("currency", "euro");
        ObjectNode noCustomer = charge(" ", 5);

        assertThat(processor.charge("k-1", negative, normal).status()).isEqualTo(400);
        assertThat(processor.charge("k-2", badCurrency, normal).status()).isEqualTo(400);
        assertThat(processor.charge("k-3", noCustomer, normal).status()).isEqualTo(400);
        assertThat(processor.charge("k-1", charge("c-1", 5), normal).status()).isEqualTo(201);
    }

    @Test
    void refundsACaptureOnceWhateverTheRefundKey() {
        processor.charge("charge-1", charge("c-1", 1234), normal);

        Reply first = processor.refund("refund-1", refundOf("charge-1"));
        Reply underAnotherKey = processor.refund("refund-2", refundOf("charge-1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asText()).isEqualTo("refunded");
        assertThat(first.body().get("refundId").asText()).startsWith("re_");
        assertThat(first.body().get("amount").asLong()).isEqualTo(1234);
        assertThat(underAnotherKey.replayed()).isFalse();
        assertThat(underAnotherKey.body().get("refundId")).isEqualTo(first.body().get("refundId"));
        assertThat(counters.snapshot().refunds()).isEqualTo(1);
    }

    @Test
    void refundingWhatWasNeverCapturedIsNoChargeAndIsNotStored() {
        processor.charge("charge-declined", charge("c-bad", 100), normal.withDeclinedCustomers("c-bad"));

        assertThat(processor.refund("refund-1", refundOf("charge-missing")).status()).isEqualTo(404);
        assertThat(processor.refund("refund-1", refundOf("charge-missing")).body().get("status").asText())
                .isEqualTo("no_charge");
        assertThat(processor.refund("refund-2", refundOf("charge-declined")).status()).isEqualTo(404);

        processor.charge("charge-missing", charge("c-1", 100), normal);
        assertThat(processor.refund("refund-1", refundOf("charge-missing")).status()).isEqualTo(200);
        assertThat(counters.snapshot().replays()).isZero();
    }

    @Test
    void listsEveryCaptureInCaptureOrderWithItsRefundButNoDecline() {
        processor.charge("charge-b", charge("c-2", 200), normal);
        processor.charge("charge-declined", charge("c-bad", 300), normal.withDeclinedCustomers("c-bad"));
        processor.charge("charge-a", charge("c-1", 100), normal);
        Reply refund = processor.refund("refund-b", refundOf("charge-b"));

        JsonNode data = processor.charges(ChargeQuery.parse(null)).body().get("data");

        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("idempotencyKey").asText()).isEqualTo("charge-b");
        assertThat(data.get(0).get("customerId").asText()).isEqualTo("c-2");
        assertThat(data.get(0).get("amount").asLong()).isEqualTo(200);
        assertThat(data.get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(data.get(0).get("status").asText()).isEqualTo("refunded");
        assertThat(data.get(0).get("refundId")).isEqualTo(refund.body().get("refundId"));
        assertThat(data.get(1).get("idempotencyKey").asText()).isEqualTo("charge-a");
        assertThat(data.get(1).get("status").asText()).isEqualTo("captured");
        assertThat(data.get(1).get("refundId").isNull()).isTrue();
    }

    @Test
    void anIdempotencyKeySelectsItsCaptureOrNothing() {
        Reply captured = processor.charge("charge-1", charge("c-1", 1234), normal);
        processor.charge("charge-2", charge("c-1", 99), normal);
        processor.charge("charge-declined", charge("c-bad", 5), normal.withDeclinedCustomers("c-bad"));

        JsonNode one = processor.charges(ChargeQuery.parse("idempotencyKey=charge-1")).body().get("data");

        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("chargeId")).isEqualTo(captured.body().get("chargeId"));
        assertThat(processor.charges(ChargeQuery.parse("idempotencyKey=charge-declined")).body().get("data")).isEmpty();
        assertThat(processor.charges(ChargeQuery.parse("idempotencyKey=charge-never")).body().get("data")).isEmpty();
    }

    @Test
    void pagesThroughTheCapturesAfterAChargeId() {
        for (int i = 1; i <= 5; i++) {
            processor.charge("charge-" + i, charge("c-1", i), normal);
        }

        JsonNode first = processor.charges(ChargeQuery.parse("limit=2")).body().get("data");
        String lastOfFirst = first.get(1).get("chargeId").asText();
        JsonNode second = processor.charges(ChargeQuery.parse("limit=2&startingAfter=" + lastOfFirst)).body()
                .get("data");
        JsonNode rest = processor.charges(ChargeQuery.parse("limit=2&startingAfter="
                + second.get(1).get("chargeId").asText())).body().get("data");

        assertThat(first).extracting(capture -> capture.get("amount").asLong()).containsExactly(1L, 2L);
        assertThat(second).extracting(capture -> capture.get("amount").asLong()).containsExactly(3L, 4L);
        assertThat(rest).extracting(capture -> capture.get("amount").asLong()).containsExactly(5L);
        assertThat(processor.charges(ChargeQuery.parse("startingAfter=" + lastOfFirst + "&idempotencyKey=charge-1"))
                .body().get("data")).isEmpty();
        assertThat(processor.charges(ChargeQuery.parse("startingAfter=ch_unknown")).status()).isEqualTo(400);
    }

    private static ObjectNode charge(String customerId, long amount) {
        return Json.object().put("amount", amount).put("currency", "EUR").put("customerId", customerId)
                .put("reference", "order-1");
    }

    private static JsonNode refundOf(String chargeKey) {
        return Json.object().put("chargeIdempotencyKey", chargeKey);
    }
}
