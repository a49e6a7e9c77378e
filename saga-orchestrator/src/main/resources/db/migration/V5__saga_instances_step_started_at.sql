-- When the saga moved to its current step (forward or compensation), i.e. the step's first send: a step's
-- transient failures are retried for a time budget measured from it (saga.transient-retry-budget). Re-sends
-- and retries of the step leave it as it is; it is kept once the saga ends.
--
-- Expand only: a nullable column without a default is a catalogue change, no table rewrite and no scan.
-- Rows from before this migration keep NULL until they change: the service then treats their step as started
-- at that moment, so an instance mid-step gets a whole budget rather than none. No constraint: any value,
-- NULL included, is valid, and an instance of the previous build still writing during a rolling deploy
-- (it leaves the column alone) can break none.
ALTER TABLE saga_instances ADD COLUMN step_started_at timestamptz;
