package dev.ordersaga.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code payment.*}.
 *
 * @param tokenEncryptionKey base64 of a 256-bit AES key that encrypts payment tokens at rest
 * @param defaultCurrency    the currency of a zero refund for an order this service never saw
 */
@ConfigurationProperties("payment")
@Validated
public record PaymentProperties(
        @NotBlank String tokenEncryptionKey,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String defaultCurrency) {
}
