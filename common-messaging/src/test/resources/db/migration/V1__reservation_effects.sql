-- The test application's own effect table. Its key is not the command id on purpose: applying the
-- same command twice would show as two rows instead of failing, so the inbox is what the tests prove.
CREATE TABLE reservation_effect (
    id         bigserial PRIMARY KEY,
    command_id uuid        NOT NULL,
    order_id   uuid        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
