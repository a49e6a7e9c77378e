package dev.ordersaga.localstack.bench;

/**
 * The first line of {@code /proc/stat}: the whole machine's CPU time in clock ticks, summed over its cores.
 *
 * @param busyTicks every state but idle and iowait (user, nice, system, irq, softirq, steal)
 * @param idleTicks idle and iowait
 */
record SystemCpu(long busyTicks, long idleTicks) {

    /** Parses e.g. {@code cpu  558580 0 69397 248608 1413 0 2747 748 0 0}. */
    static SystemCpu parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("Not the cpu line of /proc/stat: " + line);
        }
        try {
            long user = Long.parseLong(fields[1]);
            long nice = Long.parseLong(fields[2]);
            long system = Long.parseLong(fields[3]);
            long idle = Long.parseLong(fields[4]);
            long iowait = Long.parseLong(fields[5]);
            long irq = Long.parseLong(fields[6]);
            long softirq = Long.parseLong(fields[7]);
            long steal = Long.parseLong(fields[8]);
            // guest and guest_nice (fields 9 and 10) are already part of user and nice.
            return new SystemCpu(user + nice + system + irq + softirq + steal, idle + iowait);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not the cpu line of /proc/stat: " + line, e);
        }
    }
}
