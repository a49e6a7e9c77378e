/**
 * The message contracts shared by every service: one record per message, grouped by the
 * topic it travels on, plus {@link dev.ordersaga.schema.Topics}, {@link dev.ordersaga.schema.Headers}
 * and the {@link dev.ordersaga.schema.MessageType} catalogue. Each type has a JSON Schema under
 * {@code schemas/}. This module has no Spring or Kafka dependency on purpose.
 */
package dev.ordersaga.schema;
