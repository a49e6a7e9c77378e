package dev.ordersaga.ops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/** inventory-service's tables {@code reservations}, {@code reservation_lines} and {@code products}, read-only. */
final class InventoryDatabase implements InventoryReader {

    // Like the orders (see OrdersDatabase): a keyset page on reservations_pkey, its lines looked up by the page's
    // order ids through reservation_lines_pkey.
    private static final String RESERVATIONS = """
            WITH page AS (
                SELECT order_id, status, created_at
                FROM reservations
                %s
                ORDER BY order_id
                LIMIT ?)
            SELECT page.*, l.sku, l.quantity
            FROM page
            LEFT JOIN (
                SELECT order_id, sku, quantity
                FROM reservation_lines
                WHERE order_id = ANY (ARRAY(SELECT order_id FROM page))) l ON l.order_id = page.order_id
            ORDER BY page.order_id
            """;

    // A page of products and what their reservations hold, in one statement, hence one snapshot (inventory-service
    // changes a counter and its reservation in one transaction). One aggregate per page of products: a pass over
    // reservations for every page, not for every product.
    private static final String PRODUCTS = """
            WITH page AS (
                SELECT sku, available, reserved, sold
                FROM products
                %s
                ORDER BY sku
                LIMIT ?),
            held AS (
                SELECT l.sku,
                       sum(l.quantity) FILTER (WHERE r.status = 'RESERVED') AS reserved,
                       sum(l.quantity) FILTER (WHERE r.status = 'CONFIRMED') AS sold
                FROM reservation_lines l
                JOIN reservations r ON r.order_id = l.order_id
                WHERE l.sku IN (SELECT sku FROM page)
                GROUP BY l.sku)
            SELECT page.*, coalesce(held.reserved, 0) AS held_reserved, coalesce(held.sold, 0) AS held_sold
            FROM page
            LEFT JOIN held ON held.sku = page.sku
            ORDER BY page.sku
            """;

    private final Database database;

    InventoryDatabase(Database database) {
        this.database = database;
    }

    @Override
    public List<ReservationRow> reservations(Instant since, UUID after, UUID upTo, int limit) {
        Conditions where = new Conditions().and("order_id > ?", after).and("order_id <= ?", upTo)
                .and("created_at >= ?", since);
        return database.query("read reservations", RESERVATIONS.formatted(where.where()),
                statement -> statement.setInt(where.bind(statement), limit),
                InventoryDatabase::groupByOrder);
    }

    @Override
    public List<ProductRow> products(String after, int limit) {
        Conditions where = new Conditions().and("sku > ?", after);
        return database.query("read products", PRODUCTS.formatted(where.where()),
                statement -> statement.setInt(where.bind(statement), limit),
                rows -> {
                    List<ProductRow> products = new ArrayList<>();
                    while (rows.next()) {
                        products.add(new ProductRow(rows.getString("sku"), rows.getLong("available"),
                                rows.getLong("reserved"), rows.getLong("sold"), rows.getLong("held_reserved"),
                                rows.getLong("held_sold")));
                    }
                    return products;
                });
    }

    private static List<ReservationRow> groupByOrder(ResultSet rows) throws SQLException {
        List<ReservationRow> reservations = new ArrayList<>();
        ReservationRow current = null;
        while (rows.next()) {
            UUID orderId = rows.getObject("order_id", UUID.class);
            if (current == null || !current.orderId().equals(orderId)) {
                current = new ReservationRow(orderId, rows.getString("status"), new TreeMap<>(),
                        Rows.instant(rows, "created_at"));
                reservations.add(current);
            }
            Rows.addLine(current.lines(), rows);
        }
        return reservations;
    }
}
