/** The order REST API: place, cancel, read and search orders; RFC 7807 problems for bad input and refusals. */
package dev.ordersaga.order.api;
