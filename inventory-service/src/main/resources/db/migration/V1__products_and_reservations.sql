-- Stock per SKU in three buckets. Reservations move units between them; only the catalogue import
-- changes their sum. The CHECKs make an over-reservation fail in the database even if the code is wrong.
CREATE TABLE products (
    sku        varchar(64)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    available  integer      NOT NULL CHECK (available >= 0),
    reserved   integer      NOT NULL CHECK (reserved >= 0),
    sold       integer      NOT NULL CHECK (sold >= 0),
    version    bigint       NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);

-- GET /reports/products/ranking: ORDER BY sold DESC, sku LIMIT n over products that sold; partial, since
-- most of a catalogue may never sell and need not be in this index.
CREATE INDEX products_top_sellers_idx ON products (sold DESC, sku) WHERE sold > 0;

-- At most one reservation per order: the primary key is the final idempotency guard.
CREATE TABLE reservations (
    order_id   uuid        PRIMARY KEY,
    status     varchar(16) NOT NULL CONSTRAINT reservations_status_check
                           CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED')),
    version    bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Lines are read with their reservation through the primary key (order_id, sku).
CREATE TABLE reservation_lines (
    order_id uuid        NOT NULL REFERENCES reservations (order_id),
    sku      varchar(64) NOT NULL REFERENCES products (sku),
    quantity integer     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);

-- The foreign key to products: lets a product's deletion check for lines without scanning them all.
CREATE INDEX reservation_lines_sku_idx ON reservation_lines (sku);
