package dev.ordersaga.ops.audit;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Rows read page by page with keyset pagination ({@code WHERE key > last ORDER BY key LIMIT size}): one page in
 * memory at a time, and no OFFSET that would make each page slower than the one before.
 *
 * @param <K> the key the rows are sorted by
 */
final class Pages<K, T> implements Iterator<T> {

    /** The rows after {@code after} (from the start when null), in key order, at most {@code limit}. */
    @FunctionalInterface
    interface Fetch<K, T> {
        List<T> page(K after, int limit);
    }

    private final Fetch<K, T> fetch;
    private final Function<T, K> key;
    private final int size;
    private K after;
    private Iterator<T> page = List.<T>of().iterator();
    private boolean exhausted;

    Pages(Fetch<K, T> fetch, Function<T, K> key, K after, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + size);
        }
        this.fetch = fetch;
        this.key = key;
        this.after = after;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        if (!page.hasNext() && !exhausted) {
            List<T> rows = fetch.page(after, size);
            exhausted = rows.size() < size;
            if (!rows.isEmpty()) {
                after = key.apply(rows.get(rows.size() - 1));
            }
            page = rows.iterator();
        }
        return page.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }
}
