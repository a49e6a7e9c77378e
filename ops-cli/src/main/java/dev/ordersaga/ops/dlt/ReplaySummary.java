package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.ExitCodes;

/** The outcome of a replay run, counted over the selected dead letters. */
record ReplaySummary(int selected, int replayed, int skipped, int failed, boolean interrupted) {

    int notAttempted() {
        return selected - replayed - skipped - failed;
    }

    int exitCode() {
        if (interrupted) {
            return ExitCodes.INTERRUPTED;
        }
        return failed > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    String format() {
        String counts = replayed + " replayed, " + skipped + " skipped (already replayed), " + failed + " failed";
        return interrupted ? counts + ", " + notAttempted() + " not attempted" : counts;
    }
}
