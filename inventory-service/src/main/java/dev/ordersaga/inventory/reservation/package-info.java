/** Per-order reservations: the all-or-nothing reserve, confirm and release the saga commands ask for. */
package dev.ordersaga.inventory.reservation;
