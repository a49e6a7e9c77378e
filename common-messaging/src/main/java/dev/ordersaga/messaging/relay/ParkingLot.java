package dev.ordersaga.messaging.relay;

/** Where the relay keeps the outbox rows it cannot publish, so that it can move on past them. */
interface ParkingLot {

    /**
     * Keeps the row durably before the relay stores a position past it.
     *
     * @return false when the row was already parked, by an earlier run of the same batch
     */
    boolean park(ParkedRow row);
}
