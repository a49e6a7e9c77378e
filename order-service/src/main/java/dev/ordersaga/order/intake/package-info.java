/** Intake of producers' PlaceOrder requests, from Kafka and REST alike: validation, idempotency, OrderPlaced. */
package dev.ordersaga.order.intake;
