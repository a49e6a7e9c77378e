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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's inventory commands. Each runs in the messaging library's transaction, together with the
 * inbox record and the reply it writes to the outbox. Each is idempotent per order, not only per message
 * id: the same request may come again with a new id (a saga retry) and must not hold stock twice.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class InventoryCommands {

    private static final Logger log = LoggerFactory.getLogger(InventoryCommands.class);

    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final Outbox outbox;

    InventoryCommands(ReservationRepository reservations, ProductRepository products, Outbox outbox) {
        this.reservations = reservations;
        this.products = products;
        this.outbox = outbox;
    }

    void reserve(ReserveInventory command) {
        UUID orderId = command.orderId();
        Optional<Reservation> existing = reservations.findById(orderId);
        if (existing.isPresent()) {
            log.info("Order {} already has a reservation ({}): replying InventoryReserved again, holding nothing more",
                    orderId, existing.get().status());
            outbox.send(new InventoryReserved(orderId));
            return;
        }
        OrderLines lines = OrderLines.merge(command.lines());
        Stock stock = stockOf(lines.skus());
        List<Shortage> shortages = lines.shortagesIn(stock);
        if (!shortages.isEmpty()) {
            log.info("Order {} not reserved, short on {}", orderId, shortages);
            outbox.send(new InventoryUnavailable(orderId, shortages));
            return;
        }
        Reservation reservation = Reservation.reserve(orderId, lines, stock);
        // Write the stock rows first (Hibernate would insert the reservation first): a concurrent reserve of
        // the same order then fails on their versions, a transient error that is retried and finds this
        // reservation, rather than on the reservation's primary key, which would dead-letter the command.
        products.flush();
        reservations.save(reservation);
        log.info("Order {} reserved {}", orderId, reservation.lines());
        outbox.send(new InventoryReserved(orderId));
    }

    void confirm(ConfirmReservation command) {
        UUID orderId = command.orderId();
        Optional<Reservation> found = reservations.findWithLinesByOrderId(orderId);
        if (found.isEmpty()) {
            log.warn("ConfirmReservation for order {} without a reservation: nothing to confirm, no reply", orderId);
            return;
        }
        Reservation reservation = found.get();
        switch (reservation.status()) {
            case CONFIRMED -> log.info("Order {} was already confirmed: replying again", orderId);
            case RELEASED -> {
                log.warn("ConfirmReservation for order {} whose reservation was released: no change, no reply",
                        orderId);
                return;
            }
            case RESERVED -> {
                reservation.confirm(stockOf(reservation.skus()));
                log.info("Order {} confirmed: {} sold", orderId, reservation.lines());
            }
        }
        outbox.send(new ReservationConfirmed(orderId));
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
    }

    private Stock stockOf(Collection<String> skus) {
        return Stock.of(products.findBySkuInOrderBySku(skus));
    }
}
