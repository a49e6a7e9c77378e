package dev.ordersaga.payment.provider;

/** A 5xx: transient, retried and counted by the circuit breaker (see {@code resilience4j.*} in application.yml). */
class ProviderServerErrorException extends RuntimeException {

    ProviderServerErrorException(int status, String body) {
        super("HTTP " + status + " from the payment provider: " + body);
    }
}
