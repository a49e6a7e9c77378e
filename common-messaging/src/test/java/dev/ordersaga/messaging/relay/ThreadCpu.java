package dev.ordersaga.messaging.relay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/** CPU time of this JVM's threads, grouped by name with the numbers masked, for the relay's measurements. */
final class ThreadCpu {

    private final Map<String, Long> nanosByGroup;

    private ThreadCpu(Map<String, Long> nanosByGroup) {
        this.nanosByGroup = nanosByGroup;
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                byGroup.merge(info.getThreadName().replaceAll("\\d+", "#"), nanos, Long::sum);
            }
        }
        return new ThreadCpu(byGroup);
    }

    /** CPU nanoseconds each group used since {@code earlier} (threads that ended in between are not counted). */
    Map<String, Long> since(ThreadCpu earlier) {
        Map<String, Long> used = new HashMap<>();
        nanosByGroup.forEach((group, nanos) -> used.put(group, nanos - earlier.nanosByGroup.getOrDefault(group, 0L)));
        return used;
    }

    /** Debezium's threads (its unnamed executors are {@code pool-#-thread-#}), the engine's and the relay producer's. */
    static boolean isRelayThread(String group) {
        return group.startsWith("debezium") || group.startsWith("pool-") || group.contains("outbox-relay");
    }

    static long relayNanos(Map<String, Long> used) {
        return used.entrySet().stream().filter(entry -> isRelayThread(entry.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
