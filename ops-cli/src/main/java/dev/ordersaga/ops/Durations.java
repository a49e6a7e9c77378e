package dev.ordersaga.ops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as operators type them: ISO-8601 ({@code PT5M}, {@code P1D}) or a number with a unit, optionally
 * several ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h30m}, {@code 2d}); and back, for ages and deadlines.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SHORT_FORM = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    private Durations() {
    }

    /** @throws IllegalArgumentException with a message that says what is accepted */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (!SHORT_FORM.matcher(lower).matches()) {
            throw invalid(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(lower);
        while (part.find()) {
            total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
        }
        return total;
    }

    /** Compact and rounded to two units: {@code 850ms}, {@code 12s}, {@code 4m12s}, {@code 3h05m}, {@code 2d3h}. */
    public static String format(Duration duration) {
        Duration d = duration.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        String sign = duration.isNegative() ? "-" : "";
        if (days > 0) {
            return sign + days + "d" + hours + "h";
        }
        if (hours > 0) {
            return sign + hours + "h" + String.format(Locale.ROOT, "%02dm", minutes);
        }
        if (minutes > 0) {
            return sign + minutes + "m" + String.format(Locale.ROOT, "%02ds", seconds);
        }
        if (seconds > 0) {
            return sign + seconds + "s";
        }
        return sign + d.toMillis() + "ms";
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(1);
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> throw new IllegalStateException("unit " + unit);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a duration; use e.g. 30s, 5m, 1h30m, 2d or ISO-8601 like PT5M");
    }

    /** For picocli options of type {@link Duration}. */
    public static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
