/** The saga REST API for operators: one order's saga and its timeline, the saga list, retry and compensate. */
package dev.ordersaga.orchestrator.api;
