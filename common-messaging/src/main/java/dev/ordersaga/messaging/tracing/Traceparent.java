package dev.ordersaga.messaging.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context ({@code traceparent}) values. Each hop keeps the trace id and gets a new span id,
 * so every message of one order joins one trace in any W3C-aware backend.
 */
public final class Traceparent {

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final HexFormat HEX = HexFormat.of();

    private Traceparent() {
    }

    /** A child of {@code parent}, or the root of a new trace when the parent is missing or malformed. */
    public static String childOf(String parent) {
        if (parent == null || !VALID.matcher(parent).matches()) {
            return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
        }
        return "00-" + traceId(parent) + "-" + randomHex(8) + "-" + parent.substring(53);
    }

    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }
}
