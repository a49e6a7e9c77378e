package dev.ordersaga.ops.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reconciles the payment provider's books with the payments database ({@link ProviderRules}), in bounded memory but
 * for one set of order ids:
 * <ol>
 *   <li>{@link #checkCaptures()}, before the merge join: every capture the provider lists, a page at a time, against
 *       the payments of that page's orders;</li>
 *   <li>{@link #checkPayment}, during the merge join: every CHARGED payment against the set of orders the listing
 *       showed a capture for;</li>
 *   <li>{@link #resolve()}: what either found, read again from both sides before it is reported.</li>
 * </ol>
 * The provider and the database cannot be read at one instant: a charge or refund under way between the two reads
 * looks like a mismatch. The second look reads the order, then the provider, then the payment, the order in which
 * payment-service and the saga write them (the capture or refund at the provider, then the payment, then the
 * order); what still disagrees then is judged by its order, and a charge still under way is in flight.
 */
final class ProviderReconciliation {

    private final ProviderReader provider;
    private final OrderReader orders;
    private final PaymentReader payments;
    private final ProviderRules rules;
    private final AuditReport report;
    private final int batchSize;
    private final UuidSet listed = new UuidSet();
    private final Set<UUID> suspects = new LinkedHashSet<>();

    /** @param batchSize captures per page (at most {@link ProviderReader#MAX_PAGE}), and suspects per second look */
    ProviderReconciliation(ProviderReader provider, OrderReader orders, PaymentReader payments, ProviderRules rules,
                           AuditReport report, int batchSize) {
        this.provider = provider;
        this.orders = orders;
        this.payments = payments;
        this.rules = rules;
        this.report = report;
        this.batchSize = batchSize;
    }

    void checkCaptures() {
        int pageSize = Math.min(batchSize, ProviderReader.MAX_PAGE);
        String after = null;
        List<CaptureRow> page;
        do {
            page = provider.captures(after, pageSize);
            checkPage(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).chargeId();
        } while (page.size() == pageSize);
    }

    /** A CHARGED payment whose order the listing showed no capture for may be newer than the listing: a suspect. */
    void checkPayment(PaymentRow payment) {
        if (payment.isChargedAtProvider() && !listed.contains(payment.orderId())) {
            suspect(payment.orderId());
        }
    }

    /** Reads the suspects' orders, captures and payments again, and reports what still disagrees. */
    void resolve() {
        if (suspects.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(suspects);
        suspects.clear();
        Map<UUID, OrderRow> found = orders.ordersOf(ids);
        Map<UUID, CaptureRow> captures = new HashMap<>();
        ids.forEach(id -> provider.capture(id).ifPresent(capture -> captures.put(id, capture)));
        Map<UUID, PaymentRow> paymentsNow = payments.paymentsOf(ids);
        for (UUID id : ids) {
            ProviderRules.mismatch(id, captures.get(id), paymentsNow.get(id))
                    .flatMap(problem -> rules.judge(id, found.get(id), problem))
                    .ifPresent(report::add);
        }
    }

    private void checkPage(List<CaptureRow> page) {
        Map<UUID, CaptureRow> byOrder = new LinkedHashMap<>();
        for (CaptureRow capture : page) {
            report.countCapture(capture);
            Optional<UUID> orderId = capture.orderId();
            if (orderId.isEmpty()) {
                if (!capture.isRefunded()) {
                    report.add(ProviderRules.unaccounted(capture));
                }
                continue;
            }
            listed.add(orderId.get());
            byOrder.put(orderId.get(), capture);
        }
        if (byOrder.isEmpty()) {
            return;
        }
        Map<UUID, PaymentRow> paymentsOfPage = payments.paymentsOf(byOrder.keySet());
        byOrder.forEach((id, capture) -> {
            if (ProviderRules.mismatch(id, capture, paymentsOfPage.get(id)).isPresent()) {
                suspect(id);
            }
        });
    }

    private void suspect(UUID orderId) {
        suspects.add(orderId);
        if (suspects.size() >= batchSize) {
            resolve();
        }
    }
}
