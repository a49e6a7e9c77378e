package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.account.AccountRepository;
import dev.ordersaga.payment.api.MoneyJson;
import dev.ordersaga.payment.api.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentController {

    private final PaymentRepository payments;
    private final AccountRepository accounts;

    PaymentController(PaymentRepository payments, AccountRepository accounts) {
        this.payments = payments;
        this.accounts = accounts;
    }

    @GetMapping("/payments/{orderId}")
    @Transactional(readOnly = true)
    PaymentView payment(@PathVariable UUID orderId) {
        return payments.findByOrderId(orderId)
                .map(PaymentView::of)
                .orElseThrow(() -> new NotFoundException("No payment for order " + orderId));
    }

    /** The account's payments, newest first. */
    @GetMapping("/accounts/{customerId}/payments")
    @Transactional(readOnly = true)
    List<PaymentView> history(@PathVariable String customerId,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (!accounts.existsById(customerId)) {
            throw new NotFoundException("No account for customer " + customerId);
        }
        return payments.findByCustomerIdOrderByCreatedAtDesc(customerId, Limit.of(limit)).stream()
                .map(PaymentView::of)
                .toList();
    }

    record PaymentView(UUID orderId, UUID paymentId, PaymentStatus status, MoneyJson amount, String declineReason,
                       String providerChargeId) {

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.orderId(), payment.getId(), payment.status(),
                    MoneyJson.of(payment.amount()), payment.declineReason(), payment.providerChargeId());
        }
    }
}
