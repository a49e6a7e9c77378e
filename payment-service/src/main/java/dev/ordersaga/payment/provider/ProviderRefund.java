package dev.ordersaga.payment.provider;

/** The provider's answer to a refund of an order's charge. */
public sealed interface ProviderRefund {

    /** The capture is refunded (now, or by an earlier refund of the same charge). */
    record Refunded(String refundId) implements ProviderRefund {
    }

    /** The provider holds no capture under that charge's key: there is nothing to refund (404). */
    record NothingCaptured() implements ProviderRefund {
    }
}
