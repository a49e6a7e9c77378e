/**
 * {@code ops.sh dlt}: dead letters ({@code <topic>-dlt}, written by Spring Kafka's dead-letter recoverer with its
 * {@code kafka_dlt-*} headers) listed, shown, and replayed to their original topic with provenance headers
 * ({@link dev.ordersaga.ops.dlt.ReplayHeaders}) and an audit log on the topic {@value dev.ordersaga.ops.dlt.ReplayAudit#TOPIC}.
 */
package dev.ordersaga.ops.dlt;
