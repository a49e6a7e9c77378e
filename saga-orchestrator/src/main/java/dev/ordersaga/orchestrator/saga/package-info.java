/**
 * The saga model in plain Java: a declarative step-list definition, a pure engine that turns a reply into
 * the next commands, and the create-order saga. No Spring, Kafka or JPA here on purpose.
 */
package dev.ordersaga.orchestrator.saga;
