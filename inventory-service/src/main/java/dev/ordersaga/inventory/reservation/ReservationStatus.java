package dev.ordersaga.inventory.reservation;

/** RESERVED moves on to CONFIRMED (sold) or RELEASED (given back); CONFIRMED can still be RELEASED (sale undone). */
enum ReservationStatus {
    RESERVED,
    CONFIRMED,
    RELEASED
}
