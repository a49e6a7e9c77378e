/** The saga REST API: one order's saga and its timeline. */
package dev.ordersaga.orchestrator.api;
