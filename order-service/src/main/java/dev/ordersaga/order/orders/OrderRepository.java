package dev.ordersaga.order.orders;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OrderRepository extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order> {

    /** The order with its lines in ONE statement (a join), not 1 + N. */
    @EntityGraph(attributePaths = "lines")
    Optional<Order> findWithLinesById(UUID id);
}
