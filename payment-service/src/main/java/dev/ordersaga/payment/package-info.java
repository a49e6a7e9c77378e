/** payment-service: customer accounts and at most one payment per order, driven by the saga's payment commands. */
package dev.ordersaga.payment;
