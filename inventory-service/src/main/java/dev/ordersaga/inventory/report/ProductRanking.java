package dev.ordersaga.inventory.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Best sellers by units sold. */
@Repository
class ProductRanking {

    // RANK() gives tied products the same rank and skips the next ones (1, 2, 2, 4), which is what a
    // "top sellers" list means. Products that never sold are not ranked. Ordered like the partial index
    // products_top_sellers_idx, so the plan is an index scan that stops after LIMIT rows.
    private static final String TOP_SELLERS = """
            SELECT RANK() OVER (ORDER BY sold DESC) AS sales_rank, sku, name, sold
              FROM products
             WHERE sold > 0
             ORDER BY sold DESC, sku
             LIMIT ?""";

    private final JdbcTemplate jdbc;

    ProductRanking(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<RankedProduct> topSellers(int limit) {
        return jdbc.query(TOP_SELLERS, (row, i) -> new RankedProduct(
                row.getInt("sales_rank"), row.getString("sku"), row.getString("name"), row.getInt("sold")), limit);
    }

    record RankedProduct(int rank, String sku, String name, int sold) {
    }
}
