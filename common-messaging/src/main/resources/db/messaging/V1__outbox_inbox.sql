-- The messaging library's own tables, migrated with their own history table
-- (messaging_schema_history) so their versions never collide with the service's.

-- Debezium outbox shape (id, aggregatetype, aggregateid, type, payload), so a Kafka Connect cluster
-- with the EventRouter SMT could take over this table unchanged; see docs/adr/0002-outbox-relay-embedded-debezium.md.
CREATE TABLE outbox (
    id             uuid PRIMARY KEY,
    aggregatetype  varchar(64)  NOT NULL,
    aggregateid    varchar(64)  NOT NULL,  -- Kafka key: the order id
    topic          varchar(128) NOT NULL,  -- destination topic
    type           varchar(64)  NOT NULL,  -- message-type header
    schema_version integer      NOT NULL,
    payload        jsonb        NOT NULL,
    correlation_id varchar(64),
    causation_id   uuid,
    traceparent    varchar(55),
    created_at     timestamptz  NOT NULL DEFAULT now()
);

-- One row the relay's heartbeat query upserts: a change in a published table on a quiet database,
-- so the replication slot's confirmed position keeps moving and WAL does not pile up (DBZ-892).
CREATE TABLE relay_heartbeat (
    id      integer PRIMARY KEY,
    beat_at timestamptz NOT NULL
);

-- Outbox rows are deleted in the inserting transaction, so the relay only needs inserts; updates are
-- published for the heartbeat upsert. Deletes are not published: they would only be noise.
CREATE PUBLICATION outbox_publication FOR TABLE outbox, relay_heartbeat WITH (publish = 'insert, update');

-- The relay's Debezium offsets (the layout io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore
-- expects), kept in the service's own database so they survive the loss of any local disk.
CREATE TABLE relay_offset (
    id                varchar(36)   PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp     NOT NULL,
    record_insert_seq integer       NOT NULL
);

-- Message ids this service has handled, written in the same transaction as the effect.
CREATE TABLE inbox (
    message_id   uuid PRIMARY KEY,
    message_type varchar(64)  NOT NULL,
    topic        varchar(128) NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);

-- Retention purge scans by age.
CREATE INDEX inbox_received_at_idx ON inbox (received_at);
