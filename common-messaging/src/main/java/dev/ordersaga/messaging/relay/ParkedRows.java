package dev.ordersaga.messaging.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code outbox_parked} table of the service's own database. */
final class ParkedRows implements ParkingLot {

    private static final Logger log = LoggerFactory.getLogger(ParkedRows.class);
    private static final String INSERT = """
            INSERT INTO outbox_parked (id, topic, record_key, type, headers, payload, reason)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (id) DO NOTHING""";

    /**
     * What health shows of the parked rows.
     *
     * @param count        how many rows are parked
     * @param lastReason   why the latest one was parked, null when there is none
     * @param lastParkedAt when the latest one was parked, null when there is none
     */
    record Summary(long count, String lastReason, Instant lastParkedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ParkedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean park(ParkedRow row) {
        return jdbc.update(INSERT, row.id(), row.topic(), row.key(), row.type(), headersJson(row), row.payload(),
                row.reason()) == 1;
    }

    /** Empty when the database cannot be read. */
    Optional<Summary> summary() {
        try {
            List<Summary> latest = jdbc.query("""
                    SELECT (SELECT count(*) FROM outbox_parked), reason, parked_at
                    FROM outbox_parked ORDER BY parked_at DESC LIMIT 1""",
                    (result, index) -> new Summary(result.getLong(1), result.getString(2),
                            result.getObject(3, Timestamp.class).toInstant()));
            return Optional.of(latest.isEmpty() ? new Summary(0, null, null) : latest.get(0));
        } catch (DataAccessException e) {
            log.debug("Cannot read the parked outbox rows", e);
            return Optional.empty();
        }
    }

    private String headersJson(ParkedRow row) {
        try {
            return json.writeValueAsString(row.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }
}
