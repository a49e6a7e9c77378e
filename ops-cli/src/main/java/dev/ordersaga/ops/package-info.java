/**
 * {@code ops.sh}, the operator's command line: {@link dev.ordersaga.ops.OpsCli} and what every command shares
 * (connection options, exit codes, duration and time parsing, tables). The commands live in
 * {@link dev.ordersaga.ops.dlt} (dead letters), {@link dev.ordersaga.ops.saga} (saga administration) and
 * {@link dev.ordersaga.ops.audit} (the cross-database consistency check).
 */
package dev.ordersaga.ops;
