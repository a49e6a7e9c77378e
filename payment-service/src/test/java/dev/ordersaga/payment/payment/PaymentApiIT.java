package dev.ordersaga.payment.payment;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.payment.PaymentIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentApiIT extends PaymentIntegrationTest {

    private final String customer = uniqueCustomer();

    @Test
    void aChargedPaymentIsShownWithItsAmount() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID paymentId = seedPayment(orderId, "CHARGED", 2500, null, "2026-01-01T10:00:00Z");

        mockMvc.perform(get("/payments/{orderId}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.paymentId").value(paymentId.toString()))
                .andExpect(jsonPath("$.status").value("CHARGED"))
                .andExpect(jsonPath("$.amount.amount").value(2500))
                .andExpect(jsonPath("$.amount.currency").value("EUR"))
                .andExpect(jsonPath("$.declineReason").isEmpty());
    }

    @Test
    void aDeclinedPaymentIsShownWithItsReason() throws Exception {
        UUID orderId = UUID.randomUUID();
        seedPayment(orderId, "DECLINED", 2500, "insufficient funds", "2026-01-01T10:00:00Z");

        mockMvc.perform(get("/payments/{orderId}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("insufficient funds"));
    }

    @Test
    void anOrderWithoutPaymentIsNotFoundAndAMalformedIdIsABadRequest() throws Exception {
        mockMvc.perform(get("/payments/{orderId}", UUID.randomUUID())).andExpect(status().isNotFound());
        mockMvc.perform(get("/payments/{orderId}", "42"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("orderId"));
    }

    @Test
    void anAccountsHistoryIsNewestFirstAndLimited() throws Exception {
        seedAccount(customer, 0, "EUR");
        UUID oldest = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID newest = UUID.randomUUID();
        seedPayment(oldest, "CHARGED", 100, null, "2026-01-01T10:00:00Z");
        seedPayment(newest, "REFUNDED", 300, null, "2026-01-03T10:00:00Z");
        seedPayment(middle, "DECLINED", 200, "insufficient funds", "2026-01-02T10:00:00Z");

        mockMvc.perform(get("/accounts/{customerId}/payments", customer).param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].orderId").value(contains(newest.toString(), middle.toString())));
        mockMvc.perform(get("/accounts/{customerId}/payments", customer).param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("limit"));
        mockMvc.perform(get("/accounts/{customerId}/payments", uniqueCustomer())).andExpect(status().isNotFound());
    }

    private UUID seedPayment(UUID orderId, String status, long amount, String declineReason, String createdAt) {
        UUID paymentId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO payments (id, order_id, customer_id, amount, currency, status, decline_reason, version,
                                      created_at, updated_at)
                VALUES (?, ?, ?, ?, 'EUR', ?, ?, 0, ?::timestamptz, ?::timestamptz)""",
                paymentId, orderId, customer, amount, status, declineReason, createdAt, createdAt);
        return paymentId;
    }
}
