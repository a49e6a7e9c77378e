package dev.ordersaga.payment.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    // A JPQL string hits Hibernate's query plan cache; a derived query is rebuilt through the Criteria API
    // on every call, which profiling showed as the largest CPU cost of the message handlers (docs/performance.md).
    @Query("select p from Payment p where p.orderId = :orderId")
    Optional<Payment> findByOrderId(@Param("orderId") UUID orderId);

    /** An account's history, newest first (index payments_customer_history_idx). */
    List<Payment> findByCustomerIdOrderByCreatedAtDesc(String customerId, Limit limit);
}
