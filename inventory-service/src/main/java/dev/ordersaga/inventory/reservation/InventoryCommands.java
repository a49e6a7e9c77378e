package dev.ordersaga.inventory.reservation;

import dev.ordersaga.inventory.product.ProductRepository;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.InventoryUnavailable.Shortage;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.inventory.ReserveInventory;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's inventory commands. Each runs in the messaging library's transaction, together with the
 * inbox record and the reply it writes to the outbox; that transaction may hold other records' handlers too
 * (ADR 0014), so no handler leaves state behind for the next one. Each is idempotent per order, not only per
 * message id: the same request may come again with a new id (a saga retry) and must not hold stock twice.
 *
 * <p>Reserve and confirm, once per saga, are plain SQL ({@link ReservationRows}, {@link StockCounters}); release,
 * a compensation, works on the JPA model ({@link Reservation}), whose rules the SQL mirrors.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class InventoryCommands {

    private static final Logger log = LoggerFactory.getLogger(InventoryCommands.class);

    private final ReservationRows reservationRows;
    private final StockCounters stock;
    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final EntityManager entityManager;
    private final Outbox outbox;

    InventoryCommands(ReservationRows reservationRows, StockCounters stock, ReservationRepository reservations,
                      ProductRepository products, EntityManager entityManager, Outbox outbox) {
        this.reservationRows = reservationRows;
        this.stock = stock;
        this.reservations = reservations;
        this.products = products;
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /**
     * Claims the order's reservation row first: a concurrent reserve of the same order then waits on it and finds
     * the order reserved, and a tombstone (released before reserving) keeps a late reserve from holding stock.
     */
    void reserve(ReserveInventory command) {
        UUID orderId = command.orderId();
        if (!reservationRows.claim(orderId)) {
            log.info("Order {} already has a reservation ({}): replying InventoryReserved again, holding nothing more",
                    orderId, reservationRows.statusOf(orderId).map(Enum::name).orElse("unknown"));
            outbox.send(new InventoryReserved(orderId));
            return;
        }
        OrderLines lines = OrderLines.merge(command.lines());
        List<Shortage> shortages = stock.reserve(lines);
        if (!shortages.isEmpty()) {
            reservationRows.giveUpClaim(orderId);
            log.info("Order {} not reserved, short on {}", orderId, shortages);
            outbox.send(new InventoryUnavailable(orderId, shortages));
            return;
        }
        reservationRows.insertLines(orderId, lines.toReservationLines());
        log.debug("Order {} reserved {}", orderId, lines.toReservationLines());
        outbox.send(new InventoryReserved(orderId));
    }

    void confirm(ConfirmReservation command) {
        UUID orderId = command.orderId();
        List<ReservationLine> sold = reservationRows.confirmIfReserved(orderId);
        if (!sold.isEmpty()) {
            stock.sell(sold);
            log.debug("Order {} confirmed: {} sold", orderId, sold);
            outbox.send(new ReservationConfirmed(orderId));
            return;
        }
        Optional<ReservationStatus> status = reservationRows.statusOf(orderId);
        if (status.isEmpty()) {
            log.warn("ConfirmReservation for order {} without a reservation: nothing to confirm, no reply", orderId);
            return;
        }
        switch (status.get()) {
            case CONFIRMED -> {
                log.info("Order {} was already confirmed: replying again", orderId);
                outbox.send(new ReservationConfirmed(orderId));
            }
            case RELEASED -> log.warn(
                    "ConfirmReservation for order {} whose reservation was released: no change, no reply", orderId);
            // Not RESERVED when the update ran, RESERVED now: a reserve committed in between. Retried, it confirms.
            case RESERVED -> throw new ConcurrencyFailureException(
                    "The reservation of order " + orderId + " was committed while it was being confirmed");
        }
    }

    void release(ReleaseInventory command) {
        UUID orderId = command.orderId();
        Optional<Reservation> found = reservations.findWithLinesByOrderId(orderId);
        if (found.isEmpty()) {
            reservations.save(Reservation.releasedBeforeReserving(orderId));
            log.info("Order {} released before anything was reserved: recorded so a late reserve holds nothing",
                    orderId);
        } else {
            Reservation reservation = found.get();
            switch (reservation.status()) {
                case RELEASED -> log.info("Order {} was already released: replying again", orderId);
                case CONFIRMED -> {
                    reservation.release(stockOf(reservation.skus()));
                    log.info("Order {} released after it was confirmed: sale of {} undone, back to available",
                            orderId, reservation.lines());
                }
                case RESERVED -> {
                    reservation.release(stockOf(reservation.skus()));
                    log.info("Order {} released: {} back to available", orderId, reservation.lines());
                }
            }
        }
        outbox.send(new InventoryReleased(orderId));
        // The next handler of this transaction may write the same rows in SQL: it must see these changes, and no
        // later JPA read may be served this handler's copies of rows SQL has changed since.
        // Flushed through the repository, so a version conflict surfaces as Spring's transient exception.
        reservations.flush();
        entityManager.clear();
    }

    private Stock stockOf(Collection<String> skus) {
        return Stock.of(products.findBySkuInOrderBySku(skus));
    }
}
