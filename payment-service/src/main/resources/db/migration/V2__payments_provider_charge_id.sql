-- The payment provider's id of the capture behind a CHARGED (later REFUNDED) payment, for support and
-- reconciliation with the provider. Null for payments that never reached the provider (declined here, closed
-- before any charge) and for payments charged before charges went through the provider.
-- Expand-only and online: a nullable column without default changes the catalogue, not the table's rows.
ALTER TABLE payments ADD COLUMN provider_charge_id varchar(64);
