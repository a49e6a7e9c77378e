package dev.ordersaga.ops.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * What one audit looks at.
 *
 * @param now         when the audit started: ages are measured to it
 * @param since       only orders created at or after it; all orders when null
 * @param settleAfter how long an order may stay PENDING or CANCELLING before it is reported as not settled
 * @param limit       how many violations, and how many warnings, to list (all are counted)
 */
record AuditScope(Instant now, Instant since, Duration settleAfter, int limit) {
}
