package dev.ordersaga.messaging.consumer;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ids of the messages this service has handled; written in the handler's transaction. */
final class Inbox {

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the message was handled before: a redelivery or a replay */
    boolean recordFirstDelivery(UUID messageId, String messageType, String topic) {
        return jdbc.update("""
                INSERT INTO inbox (message_id, message_type, topic) VALUES (?, ?, ?)
                ON CONFLICT (message_id) DO NOTHING""", messageId, messageType, topic) == 1;
    }

    /** A read, outside the inbox transaction: true when the message was handled before. */
    boolean holds(UUID messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM inbox WHERE message_id = ?)", Boolean.class, messageId));
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
