/** The order REST API: place, read and search orders; RFC 7807 problems for bad input. */
package dev.ordersaga.order.api;
