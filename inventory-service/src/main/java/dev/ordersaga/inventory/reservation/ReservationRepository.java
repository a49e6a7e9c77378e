package dev.ordersaga.inventory.reservation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

    /** The reservation and its lines in one query (a join), never one more query for the lines. */
    @EntityGraph(attributePaths = "lines")
    Optional<Reservation> findWithLinesByOrderId(UUID orderId);
}
