/** Payments: at most one per order; charge, decline and refund as the saga's payment commands ask. */
package dev.ordersaga.payment.payment;
