package dev.ordersaga.payment.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.payment.api.MoneyJson;
import org.junit.jupiter.api.Test;

class AccountImportTest {

    @Test
    void neverPrintsThePaymentToken() {
        AccountImport entry = new AccountImport("c-1", new MoneyJson(100L, "EUR"), "tok_secret");

        assertThat(entry.toString()).contains("c-1").doesNotContain("tok_secret");
    }
}
