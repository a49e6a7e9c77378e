package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import org.junit.jupiter.api.Test;

class DeadLetterViewTest {

    private static final String ORDER = "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31";

    @Test
    void textShowsWhereItIsWhereItCameFromWhyAndThePrettyPayload() {
        String text = DeadLetterView.text(Letters.placeOrder(1, 4, ORDER).build(), false, false);

        assertThat(text).isEqualTo("""
                order.requests-dlt-1@4  dead-lettered 2025-06-01T10:00:00Z
                  original   order.requests-1@17  2025-06-01T09:59:58Z  group order-service
                  key        5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31
                  type       PlaceOrder
                  message-id 0d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
                  exception  dev.ordersaga.messaging.consumer.PoisonMessageException
                  message    Value is not a valid PlaceOrder document
                  payload (JSON):
                    {
                      "orderId" : "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31",
                      "customerId" : "customer-0001"
                    }
                """);
    }

    @Test
    void malformedBytesAreShownEscapedNeverDecodedBlindly() {
        DeadLetter letter = Letters.letter("order.requests-dlt", 0, 0)
                .value(new byte[] {'{', '"', 'a', (byte) 0xff, '\n'})
                .build();

        String text = DeadLetterView.text(letter, false, false);

        assertThat(text).contains("original   (no kafka_dlt-original-topic header)", "key        (none)",
                "exception  (none)", "payload (not JSON, 5 bytes, escaped):\n    {\"a\\xff\\n\n");
    }

    @Test
    void aNullValueIsSaidToBeNull() {
        assertThat(DeadLetterView.text(Letters.letter("x-dlt", 0, 0).build(), false, false)).contains("payload:   (null)");
    }

    @Test
    void stackTraceAndHeadersOnRequestWithSpringsNumbersDecoded() {
        String text = DeadLetterView.text(Letters.placeOrder(1, 4, ORDER).build(), true, true);

        assertThat(text).contains(
                "  stack trace:\n    org.springframework.kafka.listener.ListenerExecutionFailedException: Value is not",
                "    \tat dev.ordersaga.Handler.handle(Handler.java:42)",
                "  headers:\n    message-id: 0d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a\n    message-type: PlaceOrder\n",
                "    kafka_dlt-original-partition: 1\n    kafka_dlt-original-offset: 17\n",
                "    kafka_dlt-original-timestamp: " + java.time.Instant.parse("2025-06-01T09:59:58Z").toEpochMilli() + "\n");
    }

    @Test
    void jsonEmbedsAJsonPayloadAndEscapesAnythingElse() throws Exception {
        JsonNode json = Json.mapper().readTree(Json.pretty(DeadLetterView.json(Letters.placeOrder(1, 4, ORDER).build(), false, false)));
        JsonNode raw = Json.mapper().readTree(Json.pretty(DeadLetterView.json(
                Letters.letter("x-dlt", 0, 3).value(new byte[] {(byte) 0xc3, 'x'}).build(), false, true)));

        assertThat(json.path("topic").asText()).isEqualTo("order.requests-dlt");
        assertThat(json.path("partition").asInt()).isEqualTo(1);
        assertThat(json.path("offset").asLong()).isEqualTo(4);
        assertThat(json.path("original").path("offset").asLong()).isEqualTo(17);
        assertThat(json.path("original").path("consumerGroup").asText()).isEqualTo("order-service");
        assertThat(json.path("exception").path("className").asText()).isEqualTo("dev.ordersaga.messaging.consumer.PoisonMessageException");
        assertThat(json.path("exception").path("wrapper").asText()).isEqualTo(Letters.LISTENER_FAILED);
        assertThat(json.path("exception").has("stackTrace")).isFalse();
        assertThat(json.has("headers")).isFalse();
        assertThat(json.path("payload").path("orderId").asText()).isEqualTo(ORDER);
        assertThat(json.has("payloadText")).isFalse();
        assertThat(raw.has("payload")).isFalse();
        assertThat(raw.path("payloadText").asText()).isEqualTo("\\xc3x");
        assertThat(raw.path("headers").isArray()).isTrue();
    }

    @Test
    void listShowsCountsAndTheExceptionGroups() {
        TopicSummary requests = new TopicSummary("order.requests-dlt");
        requests.add(Letters.placeOrder(0, 0, ORDER).timestamp(java.time.Instant.parse("2025-06-01T10:00:00Z")).build());
        requests.add(Letters.placeOrder(0, 1, ORDER).timestamp(java.time.Instant.parse("2025-06-01T09:00:00Z")).build());
        requests.add(Letters.letter("order.requests-dlt", 1, 0).timestamp(java.time.Instant.parse("2025-06-01T11:00:00Z"))
                .deadLettered("order.requests", 1, 0, "g", "java.lang.IllegalStateException", null, "x").build());
        TopicSummary empty = new TopicSummary("saga.replies-dlt");

        String text = DltListCommand.text(java.util.List.of(requests, empty));

        assertThat(text).isEqualTo("""
                TOPIC               RECORDS  OLDEST                NEWEST
                order.requests-dlt        3  2025-06-01T09:00:00Z  2025-06-01T11:00:00Z
                saga.replies-dlt          0  -                     -

                TOPIC               EXCEPTION                                                RECORDS
                order.requests-dlt  dev.ordersaga.messaging.consumer.PoisonMessageException        2
                order.requests-dlt  java.lang.IllegalStateException                                1
                """);
    }
}
