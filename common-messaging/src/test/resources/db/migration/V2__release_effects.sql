-- Effects of the test application's two-step handler: what prepare returned, as apply received it.
CREATE TABLE release_effect (
    id         bigserial PRIMARY KEY,
    command_id uuid NOT NULL,
    prepared   text NOT NULL
);
