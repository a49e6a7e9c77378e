package dev.ordersaga.localstack.bench;

/**
 * The CPU fields of one {@code /proc/<pid>/stat} line, in clock ticks.
 *
 * @param pid    the process
 * @param ppid   its parent
 * @param utime  user time of the process itself
 * @param stime  system time of the process itself
 * @param cutime user time of its children that ended and were waited for
 * @param cstime system time of those children
 */
record ProcStat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {

    /** The process's own CPU time. */
    long ownTicks() {
        return utime + stime;
    }

    /** Its own CPU time plus that of its ended children. */
    long ticksWithEndedChildren() {
        return utime + stime + cutime + cstime;
    }

    /**
     * Parses a line such as {@code 4242 (postgres) S 4200 ... }. The command name is in parentheses and
     * may itself hold blanks and parentheses, so the fields are counted from the last {@code ')'}.
     */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + line);
        }
        // After the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), 1-based as in proc(5).
        String[] fields = line.substring(close + 1).trim().split("\\s+");
        if (fields.length < 15) {
            throw new IllegalArgumentException("Too few fields in /proc/<pid>/stat line: " + line);
        }
        try {
            return new ProcStat(
                    Long.parseLong(line.substring(0, open).trim()),
                    Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]),
                    Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]),
                    Long.parseLong(fields[14]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + line, e);
        }
    }
}
