package dev.ordersaga.messaging.relay;

import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's logical replication slot. It is created while the application context starts, before
 * anything can write to the outbox, so a row committed before the first engine runs (or while no
 * replica is leader yet) is still in the slot's stream and gets published.
 */
final class ReplicationSlot {

    private static final Logger log = LoggerFactory.getLogger(ReplicationSlot.class);

    private final JdbcTemplate jdbc;
    private final String name;

    ReplicationSlot(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    String name() {
        return name;
    }

    void ensureExists() {
        if (exists()) {
            return;
        }
        try {
            jdbc.queryForObject("SELECT lsn::text FROM pg_create_logical_replication_slot(?, 'pgoutput')", String.class, name);
            log.info("Created replication slot {}", name);
        } catch (DataAccessException e) {
            // Another replica starting at the same moment may have won the race.
            if (!exists()) {
                throw e;
            }
        }
    }

    /** Bytes of WAL the slot still holds back, empty when the slot or the database cannot be read. */
    OptionalLong lagBytes() {
        try {
            List<Long> lag = jdbc.query("""
                    SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint
                    FROM pg_replication_slots WHERE slot_name = ? AND confirmed_flush_lsn IS NOT NULL""",
                    (row, index) -> row.getLong(1), name);
            return lag.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lag.get(0));
        } catch (DataAccessException e) {
            log.debug("Cannot read the lag of replication slot {}", name, e);
            return OptionalLong.empty();
        }
    }

    private boolean exists() {
        Integer slots = jdbc.queryForObject(
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?", Integer.class, name);
        return slots != null && slots > 0;
    }
}
