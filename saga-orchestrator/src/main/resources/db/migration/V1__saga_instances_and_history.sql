-- One row per saga; the saga id is the order id (ADR 0001).
CREATE TABLE saga_instances (
    saga_id            uuid         PRIMARY KEY,
    definition_name    varchar(64)  NOT NULL,
    -- An instance runs to its end on the definition version it started with (anchors #9).
    definition_version integer      NOT NULL CHECK (definition_version > 0),
    state              varchar(16)  NOT NULL
        CHECK (state IN ('RUNNING', 'COMPENSATING', 'COMPLETED', 'COMPENSATED')),
    current_step       integer      NOT NULL CHECK (current_step >= 0),
    step_deadline      timestamptz,
    attempts           integer      NOT NULL CHECK (attempts >= 0),
    data               jsonb        NOT NULL,
    version            bigint       NOT NULL,   -- optimistic lock: replies from two topics may meet here
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    -- A saga waiting for a reply always has a deadline, a finished one never has.
    CONSTRAINT saga_instances_deadline_iff_active
        CHECK ((state IN ('RUNNING', 'COMPENSATING')) = (step_deadline IS NOT NULL))
);

-- Stuck-saga query (deadline poller, ops "saga stuck"):
--   WHERE state IN ('RUNNING','COMPENSATING') AND step_deadline < now() ORDER BY step_deadline
-- Partial, so the ever-growing finished sagas do not weigh on it.
CREATE INDEX saga_instances_active_deadline_idx
    ON saga_instances (step_deadline)
    WHERE state IN ('RUNNING', 'COMPENSATING');

-- The order's timeline; rows are only ever inserted.
CREATE TABLE saga_history (
    id           bigserial    PRIMARY KEY,
    -- Deferred: Hibernate may reorder batched inserts, the instance row exists by commit.
    saga_id      uuid         NOT NULL REFERENCES saga_instances (saga_id) DEFERRABLE INITIALLY DEFERRED,
    at           timestamptz  NOT NULL,
    type         varchar(32)  NOT NULL
        CHECK (type IN ('STARTED', 'COMMAND_SENT', 'REPLY_RECEIVED', 'REPLY_IGNORED', 'STATE_CHANGED')),
    step         varchar(64),
    message_type varchar(64),
    message_id   uuid,
    detail       jsonb        NOT NULL
);

-- Hibernate's pooled id generator takes 50 ids per round trip so history inserts batch; it must match
-- allocationSize on the entity. Ids increase within one process, which orders a saga's timeline; should
-- several replicas ever write one saga, their blocks interleave and `at` tells the true order.
ALTER SEQUENCE saga_history_id_seq INCREMENT BY 50;

-- GET /sagas/{id}: WHERE saga_id = ? ORDER BY id
CREATE INDEX saga_history_saga_id_idx ON saga_history (saga_id, id);
