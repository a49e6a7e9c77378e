package dev.ordersaga.ops.audit;

import java.util.UUID;

/**
 * A set of UUIDs in primitive arrays, open addressing with linear probing and at most half full: 34 to 68 bytes an
 * id and no object per id, where a {@code HashSet<UUID>} costs some 90. It holds the order ids of every capture at
 * the provider for the whole audit, so its size follows the provider's books, not a page.
 */
final class UuidSet {

    private long[] most = new long[1024];
    private long[] least = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    void add(UUID id) {
        if (2 * (size + 1) > used.length) {
            grow();
        }
        if (insert(id.getMostSignificantBits(), id.getLeastSignificantBits())) {
            size++;
        }
    }

    boolean contains(UUID id) {
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        for (int slot = slot(msb, lsb); used[slot]; slot = (slot + 1) & (used.length - 1)) {
            if (most[slot] == msb && least[slot] == lsb) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    /** @return false when the id was there already */
    private boolean insert(long msb, long lsb) {
        int slot = slot(msb, lsb);
        while (used[slot]) {
            if (most[slot] == msb && least[slot] == lsb) {
                return false;
            }
            slot = (slot + 1) & (used.length - 1);
        }
        used[slot] = true;
        most[slot] = msb;
        least[slot] = lsb;
        return true;
    }

    private void grow() {
        long[] oldMost = most;
        long[] oldLeast = least;
        boolean[] oldUsed = used;
        most = new long[oldUsed.length * 2];
        least = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldMost[i], oldLeast[i]);
            }
        }
    }

    private int slot(long msb, long lsb) {
        long hash = (msb ^ Long.rotateLeft(lsb, 32)) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (hash ^ (hash >>> 32)) & (used.length - 1);
    }
}
