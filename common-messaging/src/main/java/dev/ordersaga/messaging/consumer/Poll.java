package dev.ordersaga.messaging.consumer;

import java.util.ArrayList;
import java.util.List;

/**
 * A poll on its way through the dispatcher: the deliveries still to apply, in order, and the first record that
 * failed before the transaction, if one did. Everything from that record on is left for redelivery.
 */
final class Poll {

    private final List<Delivery> deliveries = new ArrayList<>();
    private RecordFailure failure;

    void add(Delivery delivery) {
        deliveries.add(delivery);
    }

    /** The record at {@code index} of the poll failed while decoding: nothing from it on is handled now. */
    void failAt(int index, RuntimeException cause) {
        failure = new RecordFailure(index, cause);
    }

    /** The delivery at {@code position} failed before the transaction: it and those behind it wait for redelivery. */
    void failAtDelivery(int position, RuntimeException cause) {
        failure = new RecordFailure(deliveries.get(position).index(), cause);
        deliveries.subList(position, deliveries.size()).clear();
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    RecordFailure failure() {
        return failure;
    }
}
