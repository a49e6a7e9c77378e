package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.instance.SagaSearch;
import dev.ordersaga.support.web.InvalidRequestException;
import dev.ordersaga.support.web.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The rules of GET /sagas parameters beyond their types, which Spring MVC checks. */
final class SearchParameters {

    private SearchParameters() {
    }

    /** @throws InvalidRequestException listing every bad parameter */
    static void validate(Duration olderThan, int limit) {
        List<Violation> violations = new ArrayList<>();
        if (olderThan != null && olderThan.isNegative()) {
            violations.add(new Violation("olderThan", "must not be negative"));
        }
        if (limit < 1 || limit > SagaSearch.MAX_LIMIT) {
            violations.add(new Violation("limit", "must be between 1 and " + SagaSearch.MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
