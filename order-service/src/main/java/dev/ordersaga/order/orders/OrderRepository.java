package dev.ordersaga.order.orders;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderRepository extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order> {

    /** The order with its lines in ONE statement (a join), not 1 + N. */
    // A JPQL string hits Hibernate's query plan cache; a derived query is rebuilt through the Criteria API
    // on every call, which profiling showed as the largest CPU cost of the message handlers (docs/performance.md).
    // The fetch join is in the string: with an entity-graph hint the profile still showed a translation per call.
    @Query("select o from Order o left join fetch o.lines where o.id = :id")
    Optional<Order> findWithLinesById(@Param("id") UUID id);
}
