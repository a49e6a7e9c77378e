/** Kafka subscriptions: which topics and message types reach the saga coordinator. */
package dev.ordersaga.orchestrator.messaging;
