package dev.ordersaga.schema;

/** Names of the Kafka headers every message carries. Values are UTF-8 strings. */
public final class Headers {

    /** UUID, unique per message; consumers deduplicate on it. */
    public static final String MESSAGE_ID = "message-id";
    /** The {@link MessageType#typeName()}, e.g. {@code PlaceOrder}. */
    public static final String MESSAGE_TYPE = "message-type";
    /** The version of the message's schema, e.g. {@code 1}. */
    public static final String SCHEMA_VERSION = "schema-version";
    /** The order id the message belongs to. */
    public static final String CORRELATION_ID = "correlation-id";
    /** The message-id of the message that caused this one, absent for a producer's request. */
    public static final String CAUSATION_ID = "causation-id";
    /** W3C trace context, so one order's hops form one trace. */
    public static final String TRACEPARENT = "traceparent";

    private Headers() {
    }
}
