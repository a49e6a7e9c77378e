/** Persistence plumbing shared by this service's entities: audit timestamps and new-entity detection. */
package dev.ordersaga.payment.persistence;
