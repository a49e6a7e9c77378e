/**
 * Saga instances and their history in PostgreSQL, and what runs the engine on them: the coordinator inside
 * the message handler's transaction, the deadline poller, and operators' retry and compensate, each writing
 * the engine's decisions the same way.
 */
package dev.ordersaga.orchestrator.instance;
