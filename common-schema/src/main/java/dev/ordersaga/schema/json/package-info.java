/**
 * How every service reads a contract document, from Kafka and REST alike: {@link dev.ordersaga.schema.json.StrictJson}
 * (no coerced numbers, bounded documents), {@link dev.ordersaga.schema.json.BindingViolation} (what a producer is
 * told when a document does not bind) and {@link dev.ordersaga.schema.json.Echo} (how much of a producer's input
 * any answer may repeat).
 */
package dev.ordersaga.schema.json;
