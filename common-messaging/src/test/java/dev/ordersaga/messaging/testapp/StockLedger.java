package dev.ordersaga.messaging.testapp;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transactional service method the handler calls, as the services' handlers do: when it throws, Spring marks the
 * transaction it joined rollback-only.
 */
@Component
public class StockLedger {

    @Transactional
    public void refuse(String sku) {
        throw new IllegalStateException("the ledger refuses " + sku + " (test)");
    }
}
