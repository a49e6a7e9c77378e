/**
 * The external payment provider (card processor) over HTTP: {@link dev.ordersaga.payment.provider.PaymentProviderClient},
 * behind Resilience4j's retry, bulkhead, circuit breaker and time limiter, all named {@code paymentProvider} and
 * configured under {@code resilience4j.*}.
 */
package dev.ordersaga.payment.provider;
