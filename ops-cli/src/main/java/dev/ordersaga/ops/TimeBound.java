package dev.ordersaga.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time given on the command line: an ISO-8601 instant ({@code 2025-06-01T10:00:00Z}, an offset such
 * as {@code +02:00} allowed) or a duration meaning that long ago ({@code PT1H}, {@code 90m}). The "ago" is resolved
 * against the clock when the command runs, not when it is parsed.
 */
public record TimeBound(Instant instant, Duration ago) {

    public static TimeBound parse(String text) {
        String trimmed = text.trim();
        try {
            return new TimeBound(OffsetDateTime.parse(trimmed).toInstant(), null);
        } catch (DateTimeParseException notAnInstant) {
            try {
                Duration ago = Durations.parse(trimmed);
                if (ago.isNegative()) {
                    throw new IllegalArgumentException("'" + text + "' lies in the future");
                }
                return new TimeBound(null, ago);
            } catch (IllegalArgumentException notADuration) {
                throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 instant"
                        + " (2025-06-01T10:00:00Z) nor a duration meaning ago (PT1H, 90m)");
            }
        }
    }

    public Instant resolve(Clock clock) {
        return instant != null ? instant : clock.instant().minus(ago);
    }

    /** For picocli options of type {@link TimeBound}. */
    public static final class Converter implements ITypeConverter<TimeBound> {
        @Override
        public TimeBound convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
