package dev.ordersaga.payment.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/**
 * Encrypts the payment token on its way into {@code accounts.payment_token} and decrypts it on the way
 * out. A Spring bean (Boot hands Hibernate a Spring bean container), so the key comes from configuration.
 */
@Component
@Converter
class PaymentTokenConverter implements AttributeConverter<String, byte[]> {

    private final TokenCipher cipher;

    PaymentTokenConverter(TokenCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] convertToDatabaseColumn(String token) {
        return token == null ? null : cipher.encrypt(token);
    }

    @Override
    public String convertToEntityAttribute(byte[] stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
