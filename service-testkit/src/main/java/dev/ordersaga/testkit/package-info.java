/**
 * Integration-test support shared by the four services, so their tests talk to Kafka and count SQL
 * statements the same way: {@link dev.ordersaga.testkit.KafkaTestClient} plays the services on the
 * other side of the broker, {@link dev.ordersaga.testkit.StatementRecorder} records the statements
 * a request costs. A test library: services depend on it in test scope only.
 */
package dev.ordersaga.testkit;
