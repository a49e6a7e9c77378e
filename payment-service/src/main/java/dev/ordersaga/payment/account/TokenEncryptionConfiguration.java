package dev.ordersaga.payment.account;

import dev.ordersaga.payment.PaymentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenEncryptionConfiguration {

    /** Fails the start-up on a missing or malformed key rather than on the first token. */
    @Bean
    TokenCipher tokenCipher(PaymentProperties properties) {
        return TokenCipher.fromBase64(properties.tokenEncryptionKey());
    }
}
