package dev.ordersaga.payment.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    Optional<Payment> findByOrderId(UUID orderId);

    /** An account's history, newest first (index payments_customer_history_idx). */
    List<Payment> findByCustomerIdOrderByCreatedAtDesc(String customerId, Limit limit);
}
