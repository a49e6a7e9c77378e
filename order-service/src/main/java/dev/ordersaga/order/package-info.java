/**
 * order-service: owns orders, takes in PlaceOrder and CancelOrder over Kafka and REST, and applies the saga's
 * ApproveOrder/RejectOrder.
 */
package dev.ordersaga.order;
