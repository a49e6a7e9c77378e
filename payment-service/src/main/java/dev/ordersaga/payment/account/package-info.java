/** Customer accounts: balance, the encrypted payment token, import and lookup. */
package dev.ordersaga.payment.account;
