package dev.ordersaga.payment.provider;

/** The provider's answer to a charge: captured, or declined for good. */
public sealed interface ProviderCharge {

    /** @param chargeId the provider's id of the capture */
    record Captured(String chargeId) implements ProviderCharge {
    }

    /** A final answer (402): asking again with the same key gets the same decline. */
    record Declined(String reason) implements ProviderCharge {
    }
}
