/**
 * The benchmark ({@code local-stack.sh --bench}): the box's ceiling probes, CPU accounting from
 * /proc, measuring windows over a steady load, and the printed and JSON reports.
 */
package dev.ordersaga.localstack.bench;
