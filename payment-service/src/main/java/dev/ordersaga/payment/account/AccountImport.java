package dev.ordersaga.payment.account;

import dev.ordersaga.payment.api.MoneyJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One entry of an account import: the balance replaces the stored one; a token replaces the stored one,
 * and an absent token keeps it (an import without tokens must not wipe them).
 */
record AccountImport(
        @NotBlank @Size(max = 64) String customerId,
        @NotNull @Valid MoneyJson balance,
        @Size(min = 1, max = 512) String paymentToken) {

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "AccountImport[customerId=" + customerId + ", balance=" + balance
                + ", paymentToken=" + (paymentToken == null ? "absent" : "***") + "]";
    }
}
