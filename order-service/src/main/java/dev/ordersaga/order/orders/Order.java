package dev.ordersaga.order.orders;

import dev.ordersaga.support.persistence.AuditedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order: the aggregate root, owning its lines. The producer chooses the id, so {@link AuditedEntity#isNew()}
 * tells Spring Data a fresh order apart from a stored one (an assigned id alone would make it merge,
 * and a merge of an unknown versioned row fails instead of inserting).
 */
@Entity
@Table(name = "orders")
public class Order extends AuditedEntity<UUID> {

    /** The longest cancellation reason kept, in code points; SQL CHECKs the same bound (char_length). */
    public static final int MAX_CANCELLATION_REASON_LENGTH = 500;

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false, length = 64, updatable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private OrderStatus status;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "total_amount", nullable = false, updatable = false))
    @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3,
            updatable = false))
    private Amount total;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "cancellation_reason", length = MAX_CANCELLATION_REASON_LENGTH)
    private String cancellationReason;

    @Column(name = "cancellation_requested_at")
    private Instant cancellationRequestedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
        // for JPA
    }

    /**
     * A new PENDING order. The caller has validated the request; this only guards the invariants.
     *
     * @throws ArithmeticException when the total does not fit in a long
     */
    public static Order place(UUID id, String customerId, String currency, List<NewLine> lines) {
        Objects.requireNonNull(id, "id");
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Order order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.status = OrderStatus.PENDING;
        for (NewLine line : lines) {
            order.lines.add(new OrderLine(order, order.lines.size() + 1, line));
        }
        order.total = new Amount(order.sumOfLines(), currency);
        return order;
    }

    /** PENDING -> APPROVED, as {@link OrderStatus#approval()} says. */
    public Transition approve() {
        Transition transition = status.approval();
        if (transition == Transition.APPLIED) {
            status = OrderStatus.APPROVED;
        }
        return transition;
    }

    /**
     * The saga's end of a failed or cancelled order: PENDING -> REJECTED, keeping why (a repeated rejection
     * keeps the first reason); CANCELLING -> CANCELLED, the saga having compensated the producer's cancel.
     * An APPROVED order is never rejected.
     */
    public Transition reject(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        return switch (status) {
            case PENDING -> {
                status = OrderStatus.REJECTED;
                rejectionReason = reason;
                yield Transition.APPLIED;
            }
            case CANCELLING -> {
                status = OrderStatus.CANCELLED;
                yield Transition.APPLIED;
            }
            case REJECTED, CANCELLED -> Transition.ALREADY_IN_STATE;
            case APPROVED -> Transition.NOT_ALLOWED;
        };
    }

    /**
     * The producer's cancel: PENDING -> CANCELLING, keeping the reason (optional; blank counts as none).
     * A repeated cancel changes nothing; an APPROVED or REJECTED order cannot be cancelled.
     *
     * @throws IllegalArgumentException for a reason over {@value #MAX_CANCELLATION_REASON_LENGTH} characters:
     *                                  callers validate the request first
     */
    public Transition requestCancellation(String reason) {
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_CANCELLATION_REASON_LENGTH) {
            throw new IllegalArgumentException(
                    "a cancellation reason has at most " + MAX_CANCELLATION_REASON_LENGTH + " characters");
        }
        return switch (status) {
            case PENDING -> {
                status = OrderStatus.CANCELLING;
                cancellationReason = reason == null || reason.isBlank() ? null : reason;
                // Microseconds: PostgreSQL's precision, so the entity equals what is stored.
                cancellationRequestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                yield Transition.APPLIED;
            }
            case CANCELLING, CANCELLED -> Transition.ALREADY_IN_STATE;
            case APPROVED, REJECTED -> Transition.NOT_ALLOWED;
        };
    }

    private long sumOfLines() {
        long sum = 0;
        for (OrderLine line : lines) {
            sum = Math.addExact(sum, line.lineTotal());
        }
        return sum;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Amount getTotal() {
        return total;
    }

    public String getCurrency() {
        return total.currency();
    }

    /** Null unless REJECTED. */
    public String getRejectionReason() {
        return rejectionReason;
    }

    /** The producer's reason; null when it gave none or never cancelled. */
    public String getCancellationReason() {
        return cancellationReason;
    }

    /** Null unless CANCELLING or CANCELLED. */
    public Instant getCancellationRequestedAt() {
        return cancellationRequestedAt;
    }

    public long getVersion() {
        return version;
    }

    /** In line order; loading them outside a fetch join costs a query. */
    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Order order && id != null && id.equals(order.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Order[id=" + id + ", status=" + status + ", version=" + version + "]";
    }
}
