/**
 * Demo and benchmark load: publishes PlaceOrder requests as an outside producer would and measures
 * the time from each publish to the order's final event.
 */
package dev.ordersaga.localstack.load;
