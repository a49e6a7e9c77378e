package dev.ordersaga.localstack.load;

import java.util.OptionalLong;

/** Where {@link FinalEventListener} reports each final event it reads. */
interface FinishedOrders {

    /**
     * A final event for {@code orderId} arrived at {@code nanos}.
     *
     * @return the order's latency in nanoseconds the first time; empty for a repeated final event or
     *         an order this run did not send
     */
    OptionalLong finished(String orderId, long nanos);
}
