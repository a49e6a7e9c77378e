package dev.ordersaga.schema;

import java.util.UUID;

/**
 * A message of the order saga. Every message belongs to one order, whose id is the Kafka record
 * key, the saga id and the correlation id.
 */
public interface Message {

    UUID orderId();
}
