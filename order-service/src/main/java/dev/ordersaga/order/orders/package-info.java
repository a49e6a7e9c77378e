/** The Order aggregate (with its lines), its state machine, persistence and search scopes. */
package dev.ordersaga.order.orders;
