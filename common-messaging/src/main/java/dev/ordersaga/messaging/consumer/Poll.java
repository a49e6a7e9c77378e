package dev.ordersaga.messaging.consumer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The deliveries cut into runs that can each be prepared before any of them is applied: a new run starts at a
     * two-step record whose key an earlier record of the run has. Its preparation must see what that earlier
     * message of the same order did; e.g. a ChargePayment behind a RefundPayment of its order must find the order
     * closed before it calls the provider, as it would have one record at a time. Records of different keys, and
     * one-step handlers, share a run (and so a transaction).
     */
    List<List<Delivery>> runsInKeyOrder() {
        List<List<Delivery>> runs = new ArrayList<>();
        List<Delivery> run = new ArrayList<>();
        Set<ByteBuffer> keysInRun = new HashSet<>();
        for (Delivery delivery : deliveries) {
            byte[] rawKey = delivery.record().key();
            ByteBuffer key = rawKey == null ? null : ByteBuffer.wrap(rawKey);
            if (delivery.needsPreparation() && key != null && keysInRun.contains(key)) {
                runs.add(run);
                run = new ArrayList<>();
                keysInRun.clear();
            }
            run.add(delivery);
            if (key != null) {
                keysInRun.add(key);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    RecordFailure failure() {
        return failure;
    }
}
