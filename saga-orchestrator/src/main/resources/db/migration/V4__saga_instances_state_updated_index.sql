-- Operators' saga list (GET /sagas, ops-cli "saga stuck"):
--   WHERE state IN (...) [AND step_deadline <= now] [AND updated_at < now - olderThan]
--   ORDER BY updated_at, saga_id LIMIT n
-- One state: an ordered range scan that stops after n rows (saga_id is the tie-breaker of the order).
-- Several states: one range per state, then a top-n sort of what they return, which stays small for the
-- active states this is mostly asked for. With stuck=true the planner prefers the partial deadline index (V1).
-- Without a state filter the list is a full scan plus a top-n sort; nobody pages through every finished saga.
--
-- CONCURRENTLY, in a migration of its own (Flyway runs it outside a transaction): building it does not
-- block the service's writes. No IF NOT EXISTS: a failed build leaves an invalid index of this name, which
-- must be dropped, not silently kept.
CREATE INDEX CONCURRENTLY saga_instances_state_updated_idx
    ON saga_instances (state, updated_at, saga_id);
