-- A customer's prepaid balance in one currency; the CHECK makes an overdraft fail in the database even
-- if the code is wrong.
CREATE TABLE accounts (
    customer_id    varchar(64) PRIMARY KEY,
    balance_amount bigint      NOT NULL CHECK (balance_amount >= 0),
    currency       char(3)     NOT NULL,
    -- AES-256-GCM: 12-byte IV || ciphertext || 16-byte tag; never the plaintext token.
    payment_token  bytea,
    version        bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE payments (
    id             uuid         PRIMARY KEY,
    -- At most one payment per order: the final guard of "charge at most once", and the index of the
    -- lookup every payment command and GET /payments/{orderId} starts with.
    order_id       uuid         NOT NULL CONSTRAINT payments_order_id_key UNIQUE,
    -- Null only for an order that was refunded before any charge arrived (recorded as closed).
    customer_id    varchar(64),
    amount         bigint       NOT NULL CHECK (amount >= 0),
    currency       char(3)      NOT NULL,
    status         varchar(16)  NOT NULL CONSTRAINT payments_status_check
                                CHECK (status IN ('CHARGED', 'DECLINED', 'REFUNDED')),
    decline_reason varchar(500),
    version        bigint       NOT NULL,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    CONSTRAINT payments_declined_has_reason CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);

-- GET /accounts/{customerId}/payments: an account's history, newest first.
CREATE INDEX payments_customer_history_idx ON payments (customer_id, created_at DESC);
