package dev.ordersaga.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stock write based on a stale read fails on the product's version, with an exception the messaging
 * library classifies as transient and retries.
 */
class ProductOptimisticLockingIT extends InventoryIntegrationTest {

    @Autowired
    private ProductRepository products;

    @Autowired
    private ProductCatalogue catalogue;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private final String sku = uniqueSku("BOOK");

    @Test
    void aConcurrentReservationOfTheSameProductFailsTransiently() {
        seedProduct(sku, 10);

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            Product stale = products.findById(sku).orElseThrow();
            concurrently(() -> products.findById(sku).orElseThrow().reserve(2));
            stale.reserve(1);
            products.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class)
                .isInstanceOf(TransientDataAccessException.class);

        assertThat(stockOf(sku)).isEqualTo(new StockLevels(8, 2, 0));
    }

    @Test
    void aCatalogueImportInvalidatesAReservationThatReadTheOldStock() {
        seedProduct(sku, 10);

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            Product stale = products.findById(sku).orElseThrow();
            concurrently(() -> catalogue.upsert(List.of(new ProductImport(sku, "Book", 3))));
            stale.reserve(5);
            products.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(stockOf(sku)).isEqualTo(new StockLevels(3, 0, 0));
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    /** Runs and commits in its own transaction while the caller's stays open. */
    private void concurrently(Runnable work) {
        TransactionTemplate separate = new TransactionTemplate(transactionManager);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separate.executeWithoutResult(status -> work.run());
    }
}
