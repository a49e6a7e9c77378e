-- Orders and their lines. The producer chooses the order id; the primary key is what makes a
-- repeated or concurrent PlaceOrder a no-op.
CREATE TABLE orders (
    id               uuid        PRIMARY KEY,
    customer_id      varchar(64) NOT NULL,
    status           varchar(16) NOT NULL
        CONSTRAINT orders_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    currency         char(3)     NOT NULL
        CONSTRAINT orders_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
    -- minor units of currency
    total_amount     bigint      NOT NULL
        CONSTRAINT orders_total_amount_check CHECK (total_amount >= 0),
    rejection_reason text,
    version          bigint      NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- A rejected order always says why, and only a rejected one has a reason.
    CONSTRAINT orders_rejection_reason_check CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);

CREATE TABLE order_lines (
    order_id   uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    integer     NOT NULL CONSTRAINT order_lines_line_no_check CHECK (line_no > 0),
    sku        varchar(64) NOT NULL,
    quantity   integer     NOT NULL CONSTRAINT order_lines_quantity_check CHECK (quantity > 0),
    -- minor units of the order's currency
    unit_price bigint      NOT NULL CONSTRAINT order_lines_unit_price_check CHECK (unit_price >= 0),
    -- Also serves GET /orders/{id}'s join (order_id = ?) and the foreign key's ON DELETE lookups,
    -- so order_id needs no index of its own.
    PRIMARY KEY (order_id, line_no)
);

-- GET /orders?customerId=..[&createdFrom/createdTo] ORDER BY created_at DESC: equality on the leading
-- column, then the range and the sort come straight off the index, so a page stops after `size` rows.
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC);

-- GET /orders?status=..[&createdFrom/createdTo] ORDER BY created_at DESC, e.g. operators looking for
-- orders stuck in PENDING since before some time; same shape as the customer index.
CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC);

-- GET /orders with only a time range (or nothing) ORDER BY created_at DESC: the newest first without
-- sorting the table.
CREATE INDEX orders_created_idx ON orders (created_at DESC);
