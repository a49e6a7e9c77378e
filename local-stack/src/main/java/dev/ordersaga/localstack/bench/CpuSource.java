package dev.ordersaga.localstack.bench;

import java.util.Collection;
import java.util.Map;

/**
 * A process, or a process with its children, whose CPU time the benchmark accounts for.
 *
 * @param name       as printed and as the key in the report, e.g. {@code postgresql}
 * @param pid        the process
 * @param withChildren also count its children: those alive (their own time) and those ended (its cutime, cstime)
 */
record CpuSource(String name, long pid, boolean withChildren) {

    static CpuSource process(String name, long pid) {
        return new CpuSource(name, pid, false);
    }

    /** A server that forks a process per connection and per helper, as PostgreSQL's postmaster does. */
    static CpuSource processTree(String name, long rootPid) {
        return new CpuSource(name, rootPid, true);
    }

    /** Its CPU ticks in {@code processes}; 0 if the process is gone. */
    long ticks(Map<Long, ProcStat> processes) {
        ProcStat root = processes.get(pid);
        if (root == null) {
            return 0;
        }
        return withChildren ? treeTicks(root, processes.values()) : root.ownTicks();
    }

    // A child's time moves from its own counters to the parent's cutime/cstime when it ends, so the sum
    // stays continuous as backends come and go.
    private static long treeTicks(ProcStat root, Collection<ProcStat> processes) {
        long ticks = root.ticksWithEndedChildren();
        for (ProcStat process : processes) {
            if (process.ppid() == root.pid()) {
                ticks += process.ownTicks();
            }
        }
        return ticks;
    }
}
