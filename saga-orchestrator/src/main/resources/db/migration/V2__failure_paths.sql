-- Failure paths: transient failures give a step's commands new message ids (the command try) and make the
-- deadline a retry delay; the timeline gains deadlines, re-sends, transient failures, cancellations and
-- operator actions.
--
-- Expand only, and without blocking writers for longer than a catalogue lookup: the columns' defaults are
-- constants (no table rewrite), and the constraints are added NOT VALID (no scan under this migration's
-- ACCESS EXCLUSIVE lock). New and updated rows are checked at once; V3 validates the existing rows.

ALTER TABLE saga_instances
    -- Raised by each transient failure of the awaited step; part of its commands' message ids from 1 on.
    ADD COLUMN command_try   integer NOT NULL DEFAULT 0,
    -- The deadline is the delay before the next try, not a reply timeout.
    ADD COLUMN retry_pending boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT saga_instances_command_try_check CHECK (command_try >= 0) NOT VALID,
    ADD CONSTRAINT saga_instances_retry_pending_check
        CHECK (NOT retry_pending OR state IN ('RUNNING', 'COMPENSATING')) NOT VALID;

ALTER TABLE saga_history
    DROP CONSTRAINT saga_history_type_check,
    ADD CONSTRAINT saga_history_type_check
        CHECK (type IN ('STARTED', 'COMMAND_SENT', 'REPLY_RECEIVED', 'REPLY_IGNORED', 'STATE_CHANGED',
                        'DEADLINE_PASSED', 'COMMAND_RESENT', 'TRANSIENT_FAILURE', 'CANCEL_REQUESTED',
                        'OPERATOR_ACTION')) NOT VALID;
