-- Cancellation by the producer: CANCELLING while the saga compensates, then CANCELLED.
--
-- Expand only, and without blocking writers for longer than a catalogue lookup: the columns are nullable
-- without a default (no table rewrite), and every constraint is added NOT VALID (no scan under this
-- migration's ACCESS EXCLUSIVE lock). New and updated rows are checked at once; V3 validates the
-- existing rows under a lock that lets reads and writes go on.
--
-- Indexes: none change. GET /orders?status=CANCELLING is served by orders_status_created_idx like any status.

ALTER TABLE orders
    ADD COLUMN cancellation_reason       text,
    ADD COLUMN cancellation_requested_at timestamptz;

ALTER TABLE orders
    DROP CONSTRAINT orders_status_check,
    ADD CONSTRAINT orders_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLING', 'CANCELLED')) NOT VALID,
    -- Bounded like the API's rule (Order.MAX_CANCELLATION_REASON_LENGTH).
    ADD CONSTRAINT orders_cancellation_reason_length_check
        CHECK (char_length(cancellation_reason) <= 500) NOT VALID,
    -- A cancelled or cancelling order says when the producer asked, and only such an order does.
    ADD CONSTRAINT orders_cancellation_requested_at_check
        CHECK ((status IN ('CANCELLING', 'CANCELLED')) = (cancellation_requested_at IS NOT NULL)) NOT VALID,
    -- The reason is optional, but only a cancellation has one.
    ADD CONSTRAINT orders_cancellation_reason_check
        CHECK (cancellation_reason IS NULL OR cancellation_requested_at IS NOT NULL) NOT VALID;
