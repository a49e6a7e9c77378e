/**
 * Saga instances and their history in PostgreSQL, and the coordinator that runs the engine on them inside
 * the message handler's transaction.
 */
package dev.ordersaga.orchestrator.instance;
