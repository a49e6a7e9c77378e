package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.payment.PaymentIntegrationTest;
import dev.ordersaga.payment.money.Money;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The UNIQUE order_id as the last guard: losing that race is a transient failure the library retries. */
class PaymentLedgerIT extends PaymentIntegrationTest {

    @Autowired
    private PaymentLedger ledger;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private final UUID orderId = UUID.randomUUID();

    @Test
    void aSecondPaymentForTheSameOrderFailsTransiently() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            commitSeparately(() -> ledger.record(Payment.charged(orderId, "c-1", Money.of(100, "EUR"), "ch_1")));
            ledger.record(Payment.charged(orderId, "c-1", Money.of(100, "EUR"), "ch_1"));
        })).isInstanceOf(PaymentLedger.ConcurrentPaymentException.class)
                .isInstanceOf(TransientDataAccessException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE order_id = ?", Integer.class, orderId))
                .isEqualTo(1);
    }

    @Test
    void anyOtherIntegrityViolationIsNotDisguisedAsTransient() {
        String tooLong = "c".repeat(65);

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                ledger.record(Payment.charged(orderId, tooLong, Money.of(100, "EUR"), "ch_1"))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(TransientDataAccessException.class);
    }

    private void commitSeparately(Runnable work) {
        TransactionTemplate separate = new TransactionTemplate(transactionManager);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separate.executeWithoutResult(status -> work.run());
    }
}
