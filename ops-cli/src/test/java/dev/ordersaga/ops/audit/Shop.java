package dev.ordersaga.ops.audit;

import dev.ordersaga.infra.ServiceDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes what the services would write, straight into their three databases, and charges and refunds at the payment
 * provider as payment-service would: orders in each final state with their payments, captures, reservations and
 * stock counters all consistent. A test then breaks one thing with {@link #sql} or at the provider.
 */
final class Shop implements AutoCloseable {

    static final String CURRENCY = "EUR";

    /** One order line; a SKU may appear on several lines of an order. */
    record Line(String sku, int quantity, long unitPrice) {
    }

    private final Connection orders;
    private final Connection inventory;
    private final Connection payments;
    private Instant now = Instant.now();
    private ProviderBooks provider;

    Shop(ServiceDatabase orders, ServiceDatabase inventory, ServiceDatabase payments) throws SQLException {
        this.orders = connect(orders);
        this.inventory = connect(inventory);
        this.payments = connect(payments);
    }

    /** Empties every table the audit reads; charges from now on go to {@code provider}. */
    void clear(ProviderBooks provider) throws SQLException {
        this.provider = provider;
        sql(orders, "TRUNCATE orders, order_lines");
        sql(inventory, "TRUNCATE products, reservations, reservation_lines");
        sql(payments, "TRUNCATE payments");
    }

    /** The orders placed from now on are placed this long ago. */
    Shop placedAgo(Duration age) {
        now = Instant.now().minus(age);
        return this;
    }

    void product(String sku) throws SQLException {
        sql(inventory, "INSERT INTO products (sku, name, available, reserved, sold, version, created_at, updated_at)"
                + " VALUES (?, ?, 100, 0, 0, 0, ?, ?)", sku, "Product " + sku, at(), at());
    }

    /** Charged, reserved then confirmed: the units are sold. */
    UUID approved(Line... lines) throws SQLException {
        UUID id = order("APPROVED", lines);
        String chargeId = provider.capture(id, total(lines));
        payment(id, "CHARGED", total(lines), "customer-1", null, chargeId);
        reservation(id, "CONFIRMED", lines);
        moveStock(lines, "sold");
        return id;
    }

    /** Reserved and charged, then compensated: released and refunded. */
    UUID rejectedAfterCharge(Line... lines) throws SQLException {
        UUID id = order("REJECTED", lines);
        String chargeId = provider.capture(id, total(lines));
        provider.refund(id);
        payment(id, "REFUNDED", total(lines), "customer-1", null, chargeId);
        reservation(id, "RELEASED", lines);
        return id;
    }

    /** Payment declined: released, nothing charged. */
    UUID rejectedAfterDecline(Line... lines) throws SQLException {
        UUID id = order("REJECTED", lines);
        payment(id, "DECLINED", total(lines), "customer-1", "insufficient funds");
        reservation(id, "RELEASED", lines);
        return id;
    }

    /** Cancelled before the reserve and the charge arrived: both services recorded tombstones. */
    UUID cancelledBeforeAnything(Line... lines) throws SQLException {
        UUID id = order("CANCELLED", lines);
        tombstones(id);
        return id;
    }

    /** Reserved, not charged yet. */
    UUID pending(Line... lines) throws SQLException {
        UUID id = order("PENDING", lines);
        reservation(id, "RESERVED", lines);
        moveStock(lines, "reserved");
        return id;
    }

    /** The tombstones payment-service and inventory-service record for an order they never saw. */
    void tombstones(UUID orderId) throws SQLException {
        payment(orderId, "DECLINED", 0, null, "the order was refunded before it was charged; it is closed for charging");
        sql(inventory, "INSERT INTO reservations (order_id, status, version, created_at, updated_at)"
                + " VALUES (?, 'RELEASED', 0, ?, ?)", orderId, at(), at());
    }

    /** A payment that never went through the provider. */
    UUID payment(UUID orderId, String status, long amount, String customerId, String declineReason) throws SQLException {
        return payment(orderId, status, amount, customerId, declineReason, null);
    }

    /** @param providerChargeId the provider's capture behind a CHARGED or REFUNDED payment */
    UUID payment(UUID orderId, String status, long amount, String customerId, String declineReason,
                 String providerChargeId) throws SQLException {
        UUID id = UUID.randomUUID();
        sql(payments, "INSERT INTO payments (id, order_id, customer_id, amount, currency, status, decline_reason,"
                        + " provider_charge_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                id, orderId, customerId, amount, CURRENCY, status, declineReason, providerChargeId, at(), at());
        return id;
    }

    String providerChargeIdOf(UUID orderId) throws SQLException {
        try (PreparedStatement statement = payments.prepareStatement(
                "SELECT provider_charge_id FROM payments WHERE order_id = ?")) {
            statement.setObject(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    void sql(Connection database, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    Connection orders() {
        return orders;
    }

    Connection inventory() {
        return inventory;
    }

    Connection payments() {
        return payments;
    }

    @Override
    public void close() throws SQLException {
        orders.close();
        inventory.close();
        payments.close();
    }

    private UUID order(String status, Line... lines) throws SQLException {
        UUID id = UUID.randomUUID();
        boolean cancelled = status.startsWith("CANCEL");
        sql(orders, "INSERT INTO orders (id, customer_id, status, currency, total_amount, rejection_reason,"
                        + " cancellation_requested_at, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                id, "customer-1", status, CURRENCY, total(lines), "REJECTED".equals(status) ? "out of luck" : null,
                cancelled ? at() : null, at(), at());
        for (int i = 0; i < lines.length; i++) {
            sql(orders, "INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price) VALUES (?, ?, ?, ?, ?)",
                    id, i + 1, lines[i].sku(), lines[i].quantity(), lines[i].unitPrice());
        }
        return id;
    }

    private void reservation(UUID orderId, String status, Line... lines) throws SQLException {
        sql(inventory, "INSERT INTO reservations (order_id, status, version, created_at, updated_at) VALUES (?, ?, 0, ?, ?)",
                orderId, status, at(), at());
        for (Map.Entry<String, Integer> line : perSku(lines).entrySet()) {
            sql(inventory, "INSERT INTO reservation_lines (order_id, sku, quantity) VALUES (?, ?, ?)",
                    orderId, line.getKey(), line.getValue());
        }
    }

    /** available -> {@code bucket} (reserved or sold), as inventory-service moves it. */
    private void moveStock(Line[] lines, String bucket) throws SQLException {
        for (Map.Entry<String, Integer> line : perSku(lines).entrySet()) {
            sql(inventory, "UPDATE products SET available = available - ?, " + bucket + " = " + bucket + " + ? WHERE sku = ?",
                    line.getValue(), line.getValue(), line.getKey());
        }
    }

    private static Map<String, Integer> perSku(Line... lines) {
        Map<String, Integer> quantities = new TreeMap<>();
        List.of(lines).forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
        return quantities;
    }

    private static long total(Line... lines) {
        return List.of(lines).stream().mapToLong(line -> line.quantity() * line.unitPrice()).sum();
    }

    private OffsetDateTime at() {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    private static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
