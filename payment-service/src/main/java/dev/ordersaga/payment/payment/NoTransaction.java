package dev.ordersaga.payment.payment;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The guard of the steps that call the payment provider: they must hold no transaction while it answers. */
final class NoTransaction {

    private NoTransaction() {
    }

    /** @throws IllegalStateException inside a transaction, naming {@code why} it must not be */
    static void require(String why) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(why + ": it runs outside any transaction, not inside one");
        }
    }
}
