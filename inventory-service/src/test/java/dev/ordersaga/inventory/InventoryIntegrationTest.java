package dev.ordersaga.inventory;

import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.SharedKafkaTestClient;
import dev.ordersaga.testkit.StatementRecording;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of every integration test: the service on real PostgreSQL and real Kafka from embedded-infra. Every
 * subclass has the same configuration, so they all share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementRecording.class)
public abstract class InventoryIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MockMvc mockMvc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "inventory", "inventory_service");
    }

    /** Publishes commands as the orchestrator does; reads the replies the service published. */
    protected static KafkaTestClient kafka() {
        return SharedKafkaTestClient.readingFrom(Topics.SAGA_REPLIES);
    }

    /** A SKU no other test uses, so tests sharing the database never see each other's stock. */
    protected static String uniqueSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected void seedProduct(String sku, int available) {
        jdbc.update("""
                INSERT INTO products (sku, name, available, reserved, sold, version, created_at, updated_at)
                VALUES (?, ?, ?, 0, 0, 0, now(), now())""", sku, "Product " + sku, available);
    }

    protected StockLevels stockOf(String sku) {
        return jdbc.queryForObject("SELECT available, reserved, sold FROM products WHERE sku = ?",
                (row, i) -> new StockLevels(row.getInt("available"), row.getInt("reserved"), row.getInt("sold")), sku);
    }

    /** A product's three buckets. */
    public record StockLevels(int available, int reserved, int sold) {
    }
}
