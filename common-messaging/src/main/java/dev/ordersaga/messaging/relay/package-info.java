/**
 * The embedded Debezium outbox relay: one replica per service (elected with a PostgreSQL advisory lock)
 * tails the {@code outbox} table through logical replication (pgoutput) and publishes each inserted row
 * to Kafka, committing its position only after Kafka acknowledged the send.
 */
package dev.ordersaga.messaging.relay;
