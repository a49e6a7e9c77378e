/** HTTP API conventions: RFC 7807 problem responses with a list of violations, and request validation. */
package dev.ordersaga.inventory.api;
