package dev.ordersaga.order.api;

/** The order is past cancelling (APPROVED or REJECTED): answered with 409 and the reason. */
class CancellationRefusedException extends RuntimeException {

    CancellationRefusedException(String reason) {
        super(reason);
    }
}
