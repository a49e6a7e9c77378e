package dev.ordersaga.testkit;

import java.util.Locale;

/**
 * One JDBC execution {@link StatementRecorder} saw: a single statement, or a batch of
 * {@code batchSize} parameter sets sent in one round trip.
 *
 * @param sql       the statement text, with placeholders
 * @param batch     whether it went as a JDBC batch
 * @param batchSize the number of parameter sets in the batch, 0 when not a batch
 */
public record RecordedStatement(String sql, boolean batch, int batchSize) {

    public boolean isSelect() {
        return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
    }
}
