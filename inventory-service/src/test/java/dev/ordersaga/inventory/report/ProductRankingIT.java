package dev.ordersaga.inventory.report;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ranking SQL on real PostgreSQL. Other tests share the database but sell a handful of units, so the
 * millions sold here own the top of the ranking.
 */
class ProductRankingIT extends InventoryIntegrationTest {

    private final String prefix = "RANK-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void ranksBestSellersFirstAndTiesShareARank() throws Exception {
        seed("A", 3_000_000);
        seed("B", 2_000_000);
        seed("C", 2_000_000);
        seed("D", 1_000_000);

        mockMvc.perform(get("/reports/products/ranking").param("limit", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[*].sku").value(contains(
                        prefix + "A", prefix + "B", prefix + "C", prefix + "D")))
                .andExpect(jsonPath("$[*].rank").value(contains(1, 2, 2, 4)))
                .andExpect(jsonPath("$[0].sold").value(3_000_000))
                .andExpect(jsonPath("$[0].name").value("Product " + prefix + "A"));

        mockMvc.perform(get("/reports/products/ranking").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sku").value(contains(prefix + "A", prefix + "B")));
    }

    @Test
    void productsThatNeverSoldAreNotRanked() throws Exception {
        seed("NEVER", 0);

        mockMvc.perform(get("/reports/products/ranking").param("limit", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sku").value(not(hasItem(prefix + "NEVER"))));
    }

    @Test
    void aLimitOutsideOneToOneHundredIsABadRequest() throws Exception {
        mockMvc.perform(get("/reports/products/ranking").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("limit"));
        mockMvc.perform(get("/reports/products/ranking").param("limit", "101"))
                .andExpect(status().isBadRequest());
        mockMvc.perform(get("/reports/products/ranking").param("limit", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("limit"));
    }

    private void seed(String suffix, int sold) {
        jdbc.update("""
                INSERT INTO products (sku, name, available, reserved, sold, version, created_at, updated_at)
                VALUES (?, ?, 0, 0, ?, 0, now(), now())""", prefix + suffix, "Product " + prefix + suffix, sold);
    }
}
