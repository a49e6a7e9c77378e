package dev.ordersaga.payment.account;

import dev.ordersaga.payment.money.CurrencyMismatchException;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.support.persistence.AuditedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's prepaid balance in one currency, and the payment token kept encrypted at rest. */
@Entity
@Table(name = "accounts")
public class Account extends AuditedEntity<String> {

    @Id
    @Column(name = "customer_id")
    private String customerId;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "balance_amount", nullable = false))
    private Money balance;

    @Convert(converter = PaymentTokenConverter.class)
    @Column(name = "payment_token")
    private String paymentToken;

    // A charge and a refund (or an import) of the same account: the later commit fails and is retried.
    @Version
    private long version;

    protected Account() {
    }

    public Account(String customerId, Money balance, String paymentToken) {
        this.customerId = customerId;
        this.balance = balance;
        this.paymentToken = paymentToken;
    }

    public boolean holds(String currency) {
        return balance.hasCurrency(currency);
    }

    /** Compares in the account's currency; a charge in another currency is never covered. */
    public boolean covers(Money amount) {
        return holds(amount.currency()) && !balance.isLessThan(amount);
    }

    /**
     * @throws CurrencyMismatchException for another currency
     * @throws IllegalStateException     when the balance does not cover the amount
     */
    public void debit(Money amount) {
        if (!holds(amount.currency())) {
            throw new CurrencyMismatchException(balance, amount);
        }
        if (balance.isLessThan(amount)) {
            throw new IllegalStateException("Balance " + balance + " of " + customerId + " does not cover " + amount);
        }
        balance = balance.minus(amount);
    }

    public void credit(Money amount) {
        balance = balance.plus(amount);
    }

    @Override
    public String getId() {
        return customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public Money getBalance() {
        return balance;
    }

    String getPaymentToken() {
        return paymentToken;
    }
}
