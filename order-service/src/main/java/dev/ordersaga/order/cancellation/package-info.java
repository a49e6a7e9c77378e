/**
 * The producer's CancelOrder, from Kafka and REST alike: a PENDING order becomes CANCELLING and the saga is
 * told to compensate (OrderCancellationRequested); its RejectOrder then completes the cancellation.
 */
package dev.ordersaga.order.cancellation;
