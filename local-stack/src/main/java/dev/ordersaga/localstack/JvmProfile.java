package dev.ordersaga.localstack;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How the service JVMs compile and collect: the one choice that trades start-up against steady state.
 * Both use the serial collector with a 384 MiB heap: five JVMs share two cores, and a concurrent or
 * parallel collector's extra threads take CPU from the others for small heaps that a serial young
 * collection clears in a few milliseconds.
 */
public enum JvmProfile {

    /**
     * C1 only. The quick demo's choice: C2 compiling in five JVMs at once cost ~25 s of CPU per service
     * in the first minute and halved a cold 1000-order run (docs/performance.md).
     */
    C1("-XX:TieredStopAtLevel=1"),

    /**
     * Tiered compilation up to C2 with two compiler threads (one C1, one C2: the least tiered
     * compilation runs with), so the compile burst stays at most one core per JVM and is over during
     * the benchmark's warm-up; C2's code then costs less CPU per message at steady state.
     */
    C2("-XX:CICompilerCount=2");

    private static final List<String> COMMON = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC");

    private final String compilerFlag;

    JvmProfile(String compilerFlag) {
        this.compilerFlag = compilerFlag;
    }

    /** The JVM options of a service process under this profile. */
    public List<String> serviceJvmArgs() {
        return Stream.concat(COMMON.stream(), Stream.of(compilerFlag)).toList();
    }

    /** As given on the command line and printed in reports: {@code c1} or {@code c2}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
