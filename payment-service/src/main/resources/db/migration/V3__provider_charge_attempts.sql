-- Orders whose charge reached for the provider but got no answer we can trust (timeouts, 5xx, connection
-- errors, an open circuit): the provider may hold a capture under charge-<orderId> that this service never
-- recorded. A later charge of such an order that is declined here (before any provider call) first asks the
-- provider to refund that key, so the lost capture is not left behind. A row lives only while the order is in
-- doubt: it is deleted in the transaction that records the order's payment (CHARGED, DECLINED or closed).
-- Expand-only and online: a new table nothing reads yet.
CREATE TABLE provider_charge_attempts (
    order_id         uuid        PRIMARY KEY,
    -- When the first unanswered charge was seen; for operators (how long has this order been in doubt).
    first_attempt_at timestamptz NOT NULL
);
