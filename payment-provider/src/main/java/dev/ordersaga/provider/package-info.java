/**
 * A simulated external card processor over HTTP, with Stripe-like idempotency keys, declines, refunds and
 * failures injected at will. No Spring: it starts in milliseconds, embeds in tests and launchers
 * ({@link dev.ordersaga.provider.PaymentProviderSimulator}) and runs standalone
 * ({@link dev.ordersaga.provider.PaymentProviderMain}).
 */
package dev.ordersaga.provider;
