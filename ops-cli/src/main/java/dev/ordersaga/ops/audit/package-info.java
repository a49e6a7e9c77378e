/**
 * {@code ops.sh audit}: the cross-database consistency check. {@link dev.ordersaga.ops.audit.AuditCommand} opens
 * read-only sessions on the orders, inventory and payments databases; {@code Audit} reads them in keyset pages
 * sorted by order id, merge-joins the three streams in memory ({@code MergeJoin}) and applies {@code OrderRules}
 * and {@code StockRules}; {@code AuditFormat} prints the report.
 */
package dev.ordersaga.ops.audit;
