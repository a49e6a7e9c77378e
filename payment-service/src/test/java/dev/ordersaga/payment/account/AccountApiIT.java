package dev.ordersaga.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.payment.PaymentIntegrationTest;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.StatementRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class AccountApiIT extends PaymentIntegrationTest {

    @Autowired
    private AccountRepository accounts;

    private final String existing = uniqueCustomer();
    private final String added = uniqueCustomer();

    @Test
    void bulkUpsertInsertsAndUpdatesInOneJdbcBatchWithTheTokenEncrypted() throws Exception {
        seedAccount(existing, 100, "EUR");
        String body = """
                [{"customerId":"%s","balance":{"amount":5000,"currency":"EUR"}},
                 {"customerId":"%s","balance":{"amount":700,"currency":"USD"},"paymentToken":"tok_visa_4242"}]"""
                .formatted(existing, added);

        List<RecordedStatement> statements = StatementRecorder.record(() -> putAccounts(body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upserted").value(2)));

        List<RecordedStatement> upserts =
                statements.stream().filter(s -> s.sql().contains("INSERT INTO accounts")).toList();
        assertThat(upserts).hasSize(1);
        assertThat(upserts.get(0).batch()).isTrue();
        assertThat(upserts.get(0).batchSize()).isEqualTo(2);
        assertThat(balanceOf(existing)).isEqualTo(5000);
        assertThat(storedToken(added)).hasSize(12 + "tok_visa_4242".length() + 16)
                .isNotEqualTo("tok_visa_4242".getBytes());
        assertThat(accounts.findById(added).orElseThrow().getPaymentToken()).isEqualTo("tok_visa_4242");
    }

    @Test
    void anImportWithoutATokenKeepsTheStoredTokenAndBumpsTheVersion() throws Exception {
        putAccounts("""
                [{"customerId":"%s","balance":{"amount":100,"currency":"EUR"},"paymentToken":"tok_1"}]"""
                .formatted(existing)).andExpect(status().isOk());

        putAccounts("""
                [{"customerId":"%s","balance":{"amount":900,"currency":"EUR"}}]""".formatted(existing))
                .andExpect(status().isOk());

        Account account = accounts.findById(existing).orElseThrow();
        assertThat(account.getBalance()).isEqualTo(Money.of(900, "EUR"));
        assertThat(account.getPaymentToken()).isEqualTo("tok_1");
        assertThat(jdbc.queryForObject("SELECT version FROM accounts WHERE customer_id = ?", Long.class, existing))
                .isEqualTo(1);
    }

    @Test
    void anAccountIsShownWithItsBalanceButNeverItsToken() throws Exception {
        putAccounts("""
                [{"customerId":"%s","balance":{"amount":1250,"currency":"EUR"},"paymentToken":"tok_secret"}]"""
                .formatted(existing)).andExpect(status().isOk());

        mockMvc.perform(get("/accounts/{customerId}", existing))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(existing))
                .andExpect(jsonPath("$.balance.amount").value(1250))
                .andExpect(jsonPath("$.balance.currency").value("EUR"))
                .andExpect(jsonPath("$.paymentToken").doesNotExist())
                .andExpect(content().string(not(containsString("tok_secret"))));
    }

    @Test
    void invalidEntriesAreRejectedWithEveryViolationAndNothingIsWritten() throws Exception {
        String body = """
                [{"customerId":" ","balance":{"amount":-1,"currency":"EUR"}},
                 {"customerId":"%1$s","balance":{"amount":1,"currency":"eu"}},
                 {"customerId":"%2$s"},
                 {"customerId":"%2$s","balance":{"amount":1,"currency":"EUR"},"paymentToken":""}]"""
                .formatted(existing, added);

        putAccounts(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[*].field").value(containsInAnyOrder(
                        "[0].customerId", "[0].balance.amount", "[1].balance.currency", "[2].balance",
                        "[3].customerId", "[3].paymentToken")));

        assertThat(accounts.existsById(existing)).isFalse();
        assertThat(accounts.existsById(added)).isFalse();
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        putAccounts("{\"customerId\":")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations").isNotEmpty());
        putAccounts("""
                [{"customerId":"c","balance":{"amount":"lots","currency":"EUR"}}]""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("[0].balance.amount"));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        mockMvc.perform(get("/accounts/{customerId}", uniqueCustomer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private byte[] storedToken(String customerId) {
        return jdbc.queryForObject("SELECT payment_token FROM accounts WHERE customer_id = ?", byte[].class,
                customerId);
    }

    private ResultActions putAccounts(String body) throws Exception {
        return mockMvc.perform(put("/accounts").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
