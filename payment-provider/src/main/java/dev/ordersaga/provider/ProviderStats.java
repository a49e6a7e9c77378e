package dev.ordersaga.provider;

/**
 * What the simulator did since it started ({@code GET /admin/stats}).
 *
 * @param chargesCaptured  charges captured (each idempotency key at most once)
 * @param chargesDeclined  charges declined with 402
 * @param refunds          captures refunded (each capture at most once, whatever the refund keys)
 * @param replays          requests answered with the stored response of their idempotency key
 * @param injectedFailures calls answered with the behaviour's failure status without doing anything
 * @param timeouts         calls that hung, then answered 504 without doing anything
 */
public record ProviderStats(long chargesCaptured, long chargesDeclined, long refunds, long replays,
                            long injectedFailures, long timeouts) {
}
