/**
 * The messaging library every service depends on: a transactional {@link dev.ordersaga.messaging.outbox.Outbox},
 * the embedded Debezium relay that publishes it, and Kafka consumers that deduplicate through an inbox and
 * dead-letter what they cannot process. Services only declare {@link dev.ordersaga.messaging.consumer.MessageSubscription}
 * beans and call {@code Outbox.send}; {@link dev.ordersaga.messaging.MessagingAutoConfiguration} does the rest.
 */
package dev.ordersaga.messaging;
