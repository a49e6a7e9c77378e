package dev.ordersaga.order.intake;

import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Another transaction stored the same order id between our lookup and our insert, and the primary key
 * stopped us. It is transient on purpose: the retry (the messaging library's for Kafka, the intake's
 * own for REST) finds the winner's order and ends as the usual duplicate no-op.
 */
class ConcurrentPlacementException extends ConcurrencyFailureException {

    ConcurrentPlacementException(UUID orderId, Throwable cause) {
        super("Order " + orderId + " was placed concurrently", cause);
    }
}
