/**
 * Real infrastructure without Docker: PostgreSQL 17 from zonky's embedded binaries and a KRaft
 * Kafka broker from spring-kafka-test, for the local stack and for integration tests.
 */
package dev.ordersaga.infra;
