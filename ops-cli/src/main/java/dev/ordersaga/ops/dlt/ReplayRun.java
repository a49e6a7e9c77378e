package dev.ordersaga.ops.dlt;

import java.time.Clock;
import java.util.UUID;

/** Who replays, from where, and the id that ties the run's republished records to its audit entries. */
record ReplayRun(UUID replayId, String operator, String host, Clock clock) {
}
