package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.TimeBound;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The selection options shared by {@code dlt show} and {@code dlt replay}; all optional, all combinable. */
final class FilterOptions {

    @Option(names = "--partition", paramLabel = "P", description = "Only this partition of the dead-letter topic.")
    Integer partition;

    @Option(names = "--from-offset", paramLabel = "N", description = "Only offsets from N (inclusive).")
    Long fromOffset;

    @Option(names = "--to-offset", paramLabel = "N", description = "Only offsets up to N (inclusive).")
    Long toOffset;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeBound.Converter.class,
            description = "Only dead letters written at or after TIME: an ISO-8601 instant (2025-06-01T10:00:00Z)"
                    + " or a duration meaning ago (PT1H, 90m).")
    TimeBound since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeBound.Converter.class,
            description = "Only dead letters written at or before TIME (same forms as --since).")
    TimeBound until;

    @Option(names = "--key", paramLabel = "K", description = "Only records with exactly this key.")
    String key;

    @Option(names = "--order-id", paramLabel = "UUID",
            description = "Only records of this order: the key, or the JSON value's orderId.")
    UUID orderId;

    @Option(names = "--exception", paramLabel = "TEXT",
            description = "Only records whose exception class (the cause's, else Spring's wrapper's) contains TEXT,"
                    + " ignoring case, e.g. PoisonMessage.")
    String exception;

    @Option(names = "--type", paramLabel = "T", description = "Only records with this message-type header, e.g. PlaceOrder.")
    String type;

    /** @throws ParameterException for contradictory bounds */
    DeadLetterFilter toFilter(CommandLine commandLine, Clock clock) {
        if (partition != null && partition < 0) {
            throw new ParameterException(commandLine, "--partition must be 0 or more");
        }
        if (fromOffset != null && toOffset != null && fromOffset > toOffset) {
            throw new ParameterException(commandLine,
                    "--from-offset " + fromOffset + " is after --to-offset " + toOffset);
        }
        Instant sinceInstant = since == null ? null : since.resolve(clock);
        Instant untilInstant = until == null ? null : until.resolve(clock);
        if (sinceInstant != null && untilInstant != null && sinceInstant.isAfter(untilInstant)) {
            throw new ParameterException(commandLine, "--since " + sinceInstant + " is after --until " + untilInstant);
        }
        return new DeadLetterFilter(partition, fromOffset, toOffset, sinceInstant, untilInstant, key, orderId,
                exception, type);
    }
}
