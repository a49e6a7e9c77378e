package dev.ordersaga.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The query of {@code GET /v1/charges}: {@code ?idempotencyKey=K} selects the capture made under that key (0 or 1);
 * {@code limit} and {@code startingAfter} (a charge id) page through the list, as a processor's list API does.
 * Anything else is refused: a misspelt filter must not silently list every capture.
 *
 * @param idempotencyKey only the capture made under this key; every capture when null
 * @param limit          at most this many captures
 * @param startingAfter  only the captures made after this charge; from the first when null
 */
record ChargeQuery(String idempotencyKey, int limit, String startingAfter) {

    static final int MAX_LIMIT = 10_000;

    /** @throws IllegalArgumentException for an unknown parameter, a repeated one, or a bad limit */
    static ChargeQuery parse(String rawQuery) {
        String idempotencyKey = null;
        String startingAfter = null;
        String limit = null;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                switch (name) {
                    case "idempotencyKey" -> idempotencyKey = once(name, idempotencyKey, value);
                    case "startingAfter" -> startingAfter = once(name, startingAfter, value);
                    case "limit" -> limit = once(name, limit, value);
                    default -> throw new IllegalArgumentException("unknown query parameter: " + name);
                }
            }
        }
        return new ChargeQuery(idempotencyKey, limit == null ? Integer.MAX_VALUE : limit(limit), startingAfter);
    }

    private static String once(String name, String current, String value) {
        if (current != null) {
            throw new IllegalArgumentException(name + " is given twice");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value;
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the range.
        }
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + value);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
