package dev.ordersaga.inventory.product;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalogue import: a bulk upsert as ONE JDBC batch. JPA would load every product first; the database
 * already knows how to insert-or-update in one round trip per row.
 */
@Component
class ProductCatalogue {

    // version is bumped so that a reservation that read the old row fails its optimistic check instead of
    // writing its stale 'available' over the import.
    private static final String UPSERT = """
            INSERT INTO products (sku, name, available, reserved, sold, version, created_at, updated_at)
            VALUES (?, ?, ?, 0, 0, 0, ?, ?)
            ON CONFLICT (sku) DO UPDATE
               SET name = excluded.name,
                   available = excluded.available,
                   version = products.version + 1,
                   updated_at = excluded.updated_at""";

    private final JdbcTemplate jdbc;

    ProductCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many products were inserted or updated */
    @Transactional
    public int upsert(List<ProductImport> products) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(UPSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                ProductImport product = products.get(i);
                statement.setString(1, product.sku());
                statement.setString(2, product.name());
                statement.setInt(3, product.available());
                statement.setTimestamp(4, now);
                statement.setTimestamp(5, now);
            }

            @Override
            public int getBatchSize() {
                return products.size();
            }
        });
        return products.size();
    }
}
