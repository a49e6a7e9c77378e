/**
 * The saga model in plain Java: a declarative step-list definition, a pure engine that turns a reply, a
 * cancellation, a passed deadline or an operator's action into the next commands, and the create-order saga.
 * No Spring, Kafka, JPA or clock here on purpose: the caller passes in what the engine needs.
 */
package dev.ordersaga.orchestrator.saga;
