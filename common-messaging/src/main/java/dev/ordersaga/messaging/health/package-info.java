/** Actuator health of what messaging depends on beyond the database: the Kafka broker. */
package dev.ordersaga.messaging.health;
