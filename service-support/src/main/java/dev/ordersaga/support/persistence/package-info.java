/** Persistence plumbing shared by the services' entities: audit timestamps, new-entity detection, key conflicts. */
package dev.ordersaga.support.persistence;
