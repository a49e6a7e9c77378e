package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.order.OrderPlaced;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The create-order saga's data, stored as JSON on the instance.
 *
 * @param orderId       also the saga id
 * @param customerId    the paying customer
 * @param lines         what to reserve
 * @param total         what to charge
 * @param failureReason why the saga compensates; null while it has not failed
 */
public record OrderSagaData(UUID orderId, String customerId, List<StockLine> lines, Money total,
                            String failureReason) implements SagaData<OrderSagaData> {

    public OrderSagaData {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }

    public static OrderSagaData from(OrderPlaced order) {
        List<StockLine> lines = order.lines().stream()
                .map(line -> new StockLine(line.sku(), line.quantity()))
                .toList();
        return new OrderSagaData(order.orderId(), order.customerId(), lines, order.total(), null);
    }

    @Override
    public UUID sagaId() {
        return orderId;
    }

    @Override
    public OrderSagaData withFailureReason(String reason) {
        return new OrderSagaData(orderId, customerId, lines, total, reason);
    }
}
