package dev.ordersaga.ops.audit;

import java.util.Comparator;
import java.util.UUID;

/** Order ids in PostgreSQL's order, the order every side is read in and merged by. */
final class OrderIds {

    /**
     * PostgreSQL compares uuids byte by byte, unsigned; {@link UUID#compareTo} compares signed halves, which puts
     * ids from {@code 8000…} on before those from {@code 0000…}. The merge must agree with the database's sort.
     */
    static final Comparator<UUID> POSTGRES_ORDER = Comparator
            .<UUID, Long>comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private OrderIds() {
    }
}
