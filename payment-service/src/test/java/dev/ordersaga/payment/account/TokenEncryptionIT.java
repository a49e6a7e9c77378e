package dev.ordersaga.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ordersaga.payment.PaymentIntegrationTest;
import dev.ordersaga.payment.account.TokenCipher.TokenTamperedException;
import dev.ordersaga.payment.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The entity mapping encrypts the token at rest; the column, read with plain JDBC, never holds it. */
class TokenEncryptionIT extends PaymentIntegrationTest {

    private static final String TOKEN = "tok_mastercard_5555555555554444";

    @Autowired
    private AccountRepository accounts;

    private final String customer = uniqueCustomer();

    @Test
    void theStoredColumnIsCiphertextAndTheEntityReadsThePlaintext() {
        accounts.save(new Account(customer, Money.of(100, "EUR"), TOKEN));

        byte[] stored = jdbc.queryForObject("SELECT payment_token FROM accounts WHERE customer_id = ?",
                byte[].class, customer);
        String storedHex = HexFormat.of().formatHex(stored);
        assertThat(stored).hasSize(12 + TOKEN.length() + 16);
        assertThat(storedHex).doesNotContain(HexFormat.of().formatHex(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject(
                "SELECT position(convert_to(?, 'UTF8') in payment_token) FROM accounts WHERE customer_id = ?",
                Integer.class, TOKEN, customer)).isZero();
        assertThat(accounts.findById(customer).orElseThrow().getPaymentToken()).isEqualTo(TOKEN);
    }

    @Test
    void aTamperedColumnIsDetectedOnRead() {
        accounts.save(new Account(customer, Money.of(100, "EUR"), TOKEN));
        jdbc.update("""
                UPDATE accounts SET payment_token = set_byte(payment_token, 20, get_byte(payment_token, 20) # 1)
                 WHERE customer_id = ?""", customer);

        Throwable failure = catchThrowable(() -> accounts.findById(customer));

        assertThat(causes(failure)).hasAtLeastOneElementOfType(TokenTamperedException.class);
    }

    @Test
    void noTokenIsStoredAsNull() {
        accounts.save(new Account(customer, Money.of(100, "EUR"), null));

        assertThat(jdbc.queryForObject("SELECT payment_token IS NULL FROM accounts WHERE customer_id = ?",
                Boolean.class, customer)).isTrue();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
