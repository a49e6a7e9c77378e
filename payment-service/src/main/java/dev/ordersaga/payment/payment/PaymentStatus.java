package dev.ordersaga.payment.payment;

/** DECLINED and REFUNDED are final; only CHARGED moves on, to REFUNDED. */
enum PaymentStatus {
    CHARGED,
    DECLINED,
    REFUNDED
}
