package dev.ordersaga.messaging.consumer;

/**
 * The first record of a poll that could not be handled.
 *
 * @param index its position in the poll; the records before it are handled and their offsets may be committed
 * @param cause what it threw, which the error handler classifies as transient or not
 */
record RecordFailure(int index, RuntimeException cause) {
}
