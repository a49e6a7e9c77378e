/**
 * HTTP API conventions shared by the services: bad input answered as RFC 7807 problem+json with a list of
 * violations, and entry-by-entry validation of bulk requests. Auto-configured; a service's own advice for its
 * specific exceptions takes precedence.
 */
package dev.ordersaga.support.web;
