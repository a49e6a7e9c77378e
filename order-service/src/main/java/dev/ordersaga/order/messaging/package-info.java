/** Which Kafka topics and message types this service consumes, and who handles them. */
package dev.ordersaga.order.messaging;
