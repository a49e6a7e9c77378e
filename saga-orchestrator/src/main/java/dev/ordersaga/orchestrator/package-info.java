/** The saga orchestrator service: application entry point and wiring. */
package dev.ordersaga.orchestrator;
