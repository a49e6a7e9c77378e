package dev.ordersaga.payment.provider;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code payment.provider.*}. The per-attempt budget is the time limiter's ({@code resilience4j.timelimiter}); the
 * request timeout is only the HTTP client's backstop behind it.
 *
 * @param url            base URL of the provider's API, e.g. {@code http://localhost:8090}
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long the HTTP client waits for a response, per attempt
 */
@ConfigurationProperties("payment.provider")
@Validated
public record PaymentProviderProperties(@NotNull URI url, @NotNull Duration connectTimeout,
                                        @NotNull Duration requestTimeout) {
}
