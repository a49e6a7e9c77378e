/** inventory-service: stock per SKU and per-order reservations, driven by the saga's inventory commands. */
package dev.ordersaga.inventory;
