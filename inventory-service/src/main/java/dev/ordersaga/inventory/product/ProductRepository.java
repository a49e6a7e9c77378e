package dev.ordersaga.inventory.product;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductRepository extends JpaRepository<Product, String> {

    /** In SKU order, so every transaction touches the rows of a multi-line order in the same order. */
    List<Product> findBySkuInOrderBySku(Collection<String> skus);
}
