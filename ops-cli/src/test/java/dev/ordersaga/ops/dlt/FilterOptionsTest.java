package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The filter options as typed, turned into the filter the commands apply. */
class FilterOptionsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Command
    static class WithFilters {
        @Mixin
        FilterOptions filters;
    }

    @Test
    void everyOptionBecomesItsCriterion() {
        DeadLetterFilter filter = parse("--partition", "1", "--from-offset", "2", "--to-offset", "5",
                "--since", "PT2H", "--until", "2025-06-01T11:30:00Z", "--key", "k-1",
                "--order-id", "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31", "--exception", "Poison", "--type", "PlaceOrder");

        assertThat(filter).isEqualTo(new DeadLetterFilter(1, 2L, 5L, Instant.parse("2025-06-01T10:00:00Z"),
                Instant.parse("2025-06-01T11:30:00Z"), "k-1", UUID.fromString("5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31"),
                "Poison", "PlaceOrder"));
    }

    @Test
    void noOptionIsNoCriterion() {
        assertThat(parse()).isEqualTo(DeadLetterFilter.ALL);
    }

    @Test
    void theSameOffsetForBothEndsIsOneOffset() {
        DeadLetterFilter filter = parse("--from-offset", "7", "--to-offset", "7");

        assertThat(filter.startOffset(0)).isEqualTo(7);
        assertThat(filter.endOffset(100)).isEqualTo(8);
    }

    private static DeadLetterFilter parse(String... args) {
        WithFilters command = new WithFilters();
        CommandLine commandLine = new CommandLine(command);
        commandLine.parseArgs(args);
        return command.filters.toFilter(commandLine, NOW);
    }
}
