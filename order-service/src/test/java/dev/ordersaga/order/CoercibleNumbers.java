package dev.ordersaga.order;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Order lines whose numbers Jackson's defaults would coerce (to 49 cents, 2, 1000, 1), each with the JSON path
 * a rejection must name: the same cases over Kafka and over REST.
 */
public final class CoercibleNumbers {

    public static final String MESSAGE = "must be an integer, written without a fraction, an exponent or quotes";

    private CoercibleNumbers() {
    }

    /** A line's fields after its sku, as JSON text, and the path of the offending one. */
    public static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("\"quantity\":2,\"unitPrice\":49.99", "lines[0].unitPrice"),
                Arguments.of("\"quantity\":2,\"unitPrice\":4999.0", "lines[0].unitPrice"),
                Arguments.of("\"quantity\":2.0,\"unitPrice\":4999", "lines[0].quantity"),
                Arguments.of("\"quantity\":\"2\",\"unitPrice\":4999", "lines[0].quantity"),
                Arguments.of("\"quantity\":true,\"unitPrice\":4999", "lines[0].quantity"),
                Arguments.of("\"quantity\":1e3,\"unitPrice\":4999", "lines[0].quantity"));
    }
}
