-- Checks the rows that existed before V2 against its constraints. Its own migration, so its own transaction:
-- VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock, and the scan does not hold up the service's writes.
ALTER TABLE saga_instances VALIDATE CONSTRAINT saga_instances_command_try_check;
ALTER TABLE saga_instances VALIDATE CONSTRAINT saga_instances_retry_pending_check;
ALTER TABLE saga_history VALIDATE CONSTRAINT saga_history_type_check;
