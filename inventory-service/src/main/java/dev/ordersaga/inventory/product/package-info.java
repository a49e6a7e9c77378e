/** The product catalogue and its stock counters: import, lookup, and the stock moves reservations make. */
package dev.ordersaga.inventory.product;
