package dev.ordersaga.messaging.consumer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ids of the messages this service has handled; written in the handlers' transaction, one statement per poll. */
class Inbox {

    /** A message to record: its id, type name and topic. */
    record Entry(UUID messageId, String messageType, String topic) {
    }

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the messages of a poll in one statement.
     *
     * @param entries distinct message ids
     * @return the ids recorded now: the others were handled before (a redelivery or a replay)
     */
    Set<UUID> recordFirstDeliveries(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        List<UUID> recorded = jdbc.query(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox (message_id, message_type, topic)
                    SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[])
                    ON CONFLICT (message_id) DO NOTHING
                    RETURNING message_id""");
            insert.setArray(1, array(connection, "uuid", entries.stream().map(Entry::messageId).toArray()));
            insert.setArray(2, array(connection, "varchar", entries.stream().map(Entry::messageType).toArray()));
            insert.setArray(3, array(connection, "varchar", entries.stream().map(Entry::topic).toArray()));
            return insert;
        }, (row, rowNumber) -> row.getObject(1, UUID.class));
        return new HashSet<>(recorded);
    }

    /** Takes back ids recorded in this transaction whose effect was not applied, so that their redelivery is. */
    void forget(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement delete = connection.prepareStatement("DELETE FROM inbox WHERE message_id = ANY (?)");
            delete.setArray(1, array(connection, "uuid", messageIds.toArray()));
            return delete;
        });
    }

    /** A read, outside the inbox transaction: which of these messages were handled before. */
    Set<UUID> heldAmong(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement(
                    "SELECT message_id FROM inbox WHERE message_id = ANY (?)");
            select.setArray(1, array(connection, "uuid", messageIds.toArray()));
            return select;
        }, (row, rowNumber) -> row.getObject(1, UUID.class)));
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /**
     * Forgets ids older than the retention, which must outlast any redelivery or replay horizon
     * (Kafka retention, the oldest dead letter anyone may replay).
     */
    int purgeOlderThan(Duration retention) {
        return jdbc.update("DELETE FROM inbox WHERE received_at < now() - make_interval(secs => ?)",
                (double) retention.toSeconds());
    }
}
