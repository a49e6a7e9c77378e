/** Money as a value: minor units of one currency, with arithmetic that never mixes currencies. */
package dev.ordersaga.payment.money;
