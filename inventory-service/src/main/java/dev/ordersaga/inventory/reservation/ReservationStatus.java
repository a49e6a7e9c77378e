package dev.ordersaga.inventory.reservation;

/** RESERVED is the only state that moves on: to CONFIRMED (sold) or to RELEASED (given back). */
enum ReservationStatus {
    RESERVED,
    CONFIRMED,
    RELEASED
}
