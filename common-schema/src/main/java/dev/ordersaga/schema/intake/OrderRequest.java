package dev.ordersaga.schema.intake;

import dev.ordersaga.schema.Message;

/** What a producer may publish to {@link dev.ordersaga.schema.Topics#ORDER_REQUESTS}. */
public sealed interface OrderRequest extends Message permits PlaceOrder, CancelOrder {
}
