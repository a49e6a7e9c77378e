package dev.ordersaga.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.StatementRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class ProductApiIT extends InventoryIntegrationTest {

    private final String existing = uniqueSku("BOOK");
    private final String added = uniqueSku("MUG");

    @Test
    void bulkUpsertInsertsAndUpdatesInOneJdbcBatch() throws Exception {
        seedProduct(existing, 5);
        String body = """
                [{"sku":"%s","name":"Renamed book","available":20},
                 {"sku":"%s","name":"New mug","available":7}]""".formatted(existing, added);

        List<RecordedStatement> statements = StatementRecorder.record(() -> putProducts(body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upserted").value(2)));

        List<RecordedStatement> upserts =
                statements.stream().filter(s -> s.sql().contains("INSERT INTO products")).toList();
        assertThat(upserts).hasSize(1);
        assertThat(upserts.get(0).batch()).isTrue();
        assertThat(upserts.get(0).batchSize()).isEqualTo(2);
        mockMvc.perform(get("/products/{sku}", existing))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed book"))
                .andExpect(jsonPath("$.available").value(20));
        mockMvc.perform(get("/products/{sku}", added))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value(added))
                .andExpect(jsonPath("$.name").value("New mug"))
                .andExpect(jsonPath("$.available").value(7))
                .andExpect(jsonPath("$.reserved").value(0))
                .andExpect(jsonPath("$.sold").value(0));
    }

    @Test
    void upsertKeepsReservedAndSoldAndBumpsTheVersion() throws Exception {
        jdbc.update("""
                INSERT INTO products (sku, name, available, reserved, sold, version, created_at, updated_at)
                VALUES (?, 'Book', 5, 2, 3, 4, now(), now())""", existing);

        putProducts("""
                [{"sku":"%s","name":"Book","available":9}]""".formatted(existing)).andExpect(status().isOk());

        assertThat(stockOf(existing)).isEqualTo(new StockLevels(9, 2, 3));
        assertThat(jdbc.queryForObject("SELECT version FROM products WHERE sku = ?", Long.class, existing))
                .isEqualTo(5);
    }

    @Test
    void invalidEntriesAreRejectedWithEveryViolationAndNothingIsWritten() throws Exception {
        String body = """
                [{"sku":" ","name":"Blank sku","available":-1},
                 {"sku":"%1$s","name":"Fine","available":1},
                 {"sku":"%1$s","name":"Twice","available":2},
                 {"sku":"%2$s","available":3}]""".formatted(existing, added);

        putProducts(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[*].field")
                        .value(containsInAnyOrder("[0].sku", "[0].available", "[2].sku", "[3].name")));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM products WHERE sku IN (?, ?)", Integer.class,
                existing, added)).isZero();
    }

    @Test
    void anEmptyImportIsRejected() throws Exception {
        putProducts("[]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].message").value("must contain at least one entry"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        putProducts("[{\"sku\":")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations").isNotEmpty());
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        putProducts("""
                [{"sku":"%s","name":"Book","available":"ten"}]""".formatted(existing))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("[0].available"));
    }

    @Test
    void anUnknownProductIsNotFound() throws Exception {
        mockMvc.perform(get("/products/{sku}", uniqueSku("NOPE")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions putProducts(String body) throws Exception {
        return mockMvc.perform(put("/products").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
