package dev.ordersaga.ops.dlt;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live line on stderr of a replay watched by a person: {@code [#####-----] 12/40  skipped 3  failed 0},
 * redrawn in place with {@code \r} (at most ten times a second). Messages go above it.
 */
final class ReplayProgress {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final int total;
    private long lastDrawn;
    private int lastLength;

    ReplayProgress(PrintWriter err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled;
        this.total = total;
    }

    void update(int done, int skipped, int failed) {
        long now = System.nanoTime();
        if (!enabled || (done < total && lastLength > 0 && now - lastDrawn < REDRAW_NANOS)) {
            return;
        }
        lastDrawn = now;
        draw(line(done, total, skipped, failed));
    }

    /** A line of its own, e.g. a failure, printed above the bar. */
    void message(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    void finish() {
        if (enabled && lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    static String line(int done, int total, int skipped, int failed) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        return String.format(Locale.ROOT, "[%s%s] %d/%d  skipped %d  failed %d",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), done, total, skipped, failed);
    }

    private void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    private void clear() {
        if (enabled && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
    }
}
