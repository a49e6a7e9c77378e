-- One database and one role per service; no service can connect to another's database.
-- REPLICATION lets each service's embedded Debezium relay open its logical replication slot.
-- Passwords are for local use only; override them for anything shared.
CREATE ROLE order_service     LOGIN REPLICATION PASSWORD 'order_service';
CREATE ROLE inventory_service LOGIN REPLICATION PASSWORD 'inventory_service';
CREATE ROLE payment_service   LOGIN REPLICATION PASSWORD 'payment_service';
CREATE ROLE saga_orchestrator LOGIN REPLICATION PASSWORD 'saga_orchestrator';

CREATE DATABASE orders    OWNER order_service;
CREATE DATABASE inventory OWNER inventory_service;
CREATE DATABASE payments  OWNER payment_service;
CREATE DATABASE sagas     OWNER saga_orchestrator;

REVOKE CONNECT ON DATABASE orders    FROM PUBLIC;
REVOKE CONNECT ON DATABASE inventory FROM PUBLIC;
REVOKE CONNECT ON DATABASE payments  FROM PUBLIC;
REVOKE CONNECT ON DATABASE sagas     FROM PUBLIC;

GRANT CONNECT ON DATABASE orders    TO order_service;
GRANT CONNECT ON DATABASE inventory TO inventory_service;
GRANT CONNECT ON DATABASE payments  TO payment_service;
GRANT CONNECT ON DATABASE sagas     TO saga_orchestrator;
