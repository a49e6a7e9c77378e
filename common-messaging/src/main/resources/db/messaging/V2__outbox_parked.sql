-- Outbox rows the relay could not publish (larger than the topic accepts, refused by the topic, or a change
-- event it could not read), kept with the reason so that the relay moves on instead of stopping on them; see
-- docs/adr/0009-message-size-limits-and-parked-rows.md. Not published: an operator reads them, repairs and
-- re-sends or deletes them.
CREATE TABLE outbox_parked (
    id         uuid PRIMARY KEY,              -- the message id: parking the same row again changes nothing
    topic      varchar(128),                  -- null only for a change event the relay could not read
    record_key varchar(64),                   -- the Kafka key the record would have had
    type       varchar(64),
    headers    jsonb       NOT NULL,          -- the headers the record would have carried, name to value
    payload    text        NOT NULL,          -- the record's value; for an unreadable change event, the event
    reason     text        NOT NULL,          -- why it could not be published, e.g. RecordTooLargeException: ...
    parked_at  timestamptz NOT NULL DEFAULT now()
);

-- Health shows the latest reason.
CREATE INDEX outbox_parked_parked_at_idx ON outbox_parked (parked_at);
