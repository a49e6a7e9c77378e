package dev.ordersaga.inventory.reservation;

import dev.ordersaga.inventory.api.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReservationController {

    private final ReservationRepository reservations;

    ReservationController(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @GetMapping("/reservations/{orderId}")
    @Transactional(readOnly = true)
    ReservationView reservation(@PathVariable UUID orderId) {
        return reservations.findWithLinesByOrderId(orderId)
                .map(ReservationView::of)
                .orElseThrow(() -> new NotFoundException("No reservation for order " + orderId));
    }

    record ReservationView(UUID orderId, ReservationStatus status, List<LineView> lines) {

        static ReservationView of(Reservation reservation) {
            List<LineView> lines = reservation.lines().stream()
                    .map(line -> new LineView(line.sku(), line.quantity()))
                    .toList();
            return new ReservationView(reservation.orderId(), reservation.status(), lines);
        }
    }

    record LineView(String sku, int quantity) {
    }
}
