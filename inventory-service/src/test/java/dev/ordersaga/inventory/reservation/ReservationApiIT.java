package dev.ordersaga.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.StatementRecorder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationApiIT extends InventoryIntegrationTest {

    private final UUID orderId = UUID.randomUUID();
    private final String book = uniqueSku("BOOK");
    private final String mug = uniqueSku("MUG");

    @Test
    void aReservationIsReadWithItsLinesInOneQuery() throws Exception {
        seedProduct(book, 10);
        seedProduct(mug, 10);
        jdbc.update("""
                INSERT INTO reservations (order_id, status, version, created_at, updated_at)
                VALUES (?, 'RESERVED', 0, now(), now())""", orderId);
        jdbc.update("INSERT INTO reservation_lines (order_id, sku, quantity) VALUES (?, ?, 2), (?, ?, 1)",
                orderId, mug, orderId, book);

        List<RecordedStatement> statements = StatementRecorder.record(() -> mockMvc
                .perform(get("/reservations/{orderId}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.status").value("RESERVED"))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].sku").value(book))
                .andExpect(jsonPath("$.lines[0].quantity").value(1))
                .andExpect(jsonPath("$.lines[1].sku").value(mug))
                .andExpect(jsonPath("$.lines[1].quantity").value(2)));

        assertThat(statements).filteredOn(RecordedStatement::isSelect).hasSize(1);
    }

    @Test
    void anUnknownReservationIsNotFound() throws Exception {
        mockMvc.perform(get("/reservations/{orderId}", orderId))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No reservation for order " + orderId));
    }

    @Test
    void anOrderIdThatIsNotAUuidIsABadRequest() throws Exception {
        mockMvc.perform(get("/reservations/{orderId}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("orderId"));
    }
}
