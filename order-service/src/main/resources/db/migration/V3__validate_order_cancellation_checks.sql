-- Checks the rows that existed before V2 against its constraints. Its own migration, so its own transaction:
-- VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock, and the scan does not hold up the service's writes.
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_check;
ALTER TABLE orders VALIDATE CONSTRAINT orders_cancellation_reason_length_check;
ALTER TABLE orders VALIDATE CONSTRAINT orders_cancellation_requested_at_check;
ALTER TABLE orders VALIDATE CONSTRAINT orders_cancellation_reason_check;
