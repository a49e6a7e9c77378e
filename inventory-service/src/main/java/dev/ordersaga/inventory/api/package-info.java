/** This service's HTTP API errors; the shared problem+json conventions live in {@code dev.ordersaga.support.web}. */
package dev.ordersaga.inventory.api;
