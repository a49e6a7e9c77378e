package dev.ordersaga.ops.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause of the optional bounds of a page ({@code id > ?}, {@code created_at >= ?}): a bound that is null
 * is left out, so the planner sees only the predicates that apply. The clauses are constants of this package,
 * never input; the values are bound as parameters.
 */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** @param clause one {@code ?}, e.g. {@code id > ?}; skipped when {@code value} is null */
    Conditions and(String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            values.add(value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
        }
        return this;
    }

    /** {@code WHERE a AND b}, or nothing. */
    String where() {
        return clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the values from parameter 1 on; @return the next parameter's index */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
