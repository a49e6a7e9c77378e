package dev.ordersaga.messaging.relay;

import io.debezium.connector.postgresql.PostgresConnector;
import io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore;
import java.util.Properties;

/** The Debezium engine configuration of the outbox relay. */
final class EngineProperties {

    static final String OUTBOX_TABLE = "public.outbox";
    static final String HEARTBEAT_TABLE = "public.relay_heartbeat";
    static final String OFFSET_TABLE = "relay_offset";
    /** Writes to a published table, so a quiet outbox still advances the slot (DBZ-892). */
    static final String HEARTBEAT_QUERY = "INSERT INTO relay_heartbeat (id, beat_at) VALUES (1, now()) "
            + "ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at";
    /** The change-event queue must hold more than one batch. */
    private static final int MIN_QUEUE_SIZE = 8192;

    private EngineProperties() {
    }

    static Properties of(RelaySettings settings, RelayDatabase database) {
        Properties properties = new Properties();
        // The engine name keys the stored offsets, so it must stay the same across restarts.
        properties.setProperty("name", settings.slotName());
        properties.setProperty("connector.class", PostgresConnector.class.getName());
        properties.setProperty("topic.prefix", settings.topicPrefix());
        connection(properties, database);
        capture(properties, settings);
        offsets(properties, settings, database);
        latency(properties, settings);
        properties.setProperty("heartbeat.interval.ms", millis(settings.heartbeatInterval()));
        properties.setProperty("heartbeat.action.query", HEARTBEAT_QUERY);
        // Failures end the engine and the relay restarts it, so there is one restart policy, visible in health.
        properties.setProperty("errors.max.retries", "0");
        properties.setProperty("slot.retry.delay.ms", millis(settings.retryInterval()));
        // The relay reads the connector's structs itself (ADR 0002, 0013): no converter runs.
        properties.setProperty("tombstones.on.delete", "false");
        return properties;
    }

    private static void connection(Properties properties, RelayDatabase database) {
        properties.setProperty("database.hostname", database.host());
        properties.setProperty("database.port", Integer.toString(database.port()));
        properties.setProperty("database.dbname", database.database());
        properties.setProperty("database.user", database.username());
        properties.setProperty("database.password", database.password());
    }

    private static void capture(Properties properties, RelaySettings settings) {
        properties.setProperty("plugin.name", "pgoutput");
        properties.setProperty("slot.name", settings.slotName());
        properties.setProperty("publication.name", settings.publicationName());
        // The library's migration creates the publication; the role needs no rights to create one.
        properties.setProperty("publication.autocreate.mode", "disabled");
        properties.setProperty("table.include.list", OUTBOX_TABLE + "," + HEARTBEAT_TABLE);
        // Rows are deleted as they are inserted: there is never anything to snapshot.
        properties.setProperty("snapshot.mode", "no_data");
    }

    private static void offsets(Properties properties, RelaySettings settings, RelayDatabase database) {
        properties.setProperty("offset.storage", JdbcOffsetBackingStore.class.getName());
        properties.setProperty("offset.storage.jdbc.connection.url", database.jdbcUrl());
        properties.setProperty("offset.storage.jdbc.connection.user", database.username());
        properties.setProperty("offset.storage.jdbc.connection.password", database.password());
        properties.setProperty("offset.storage.jdbc.table.name", OFFSET_TABLE);
        properties.setProperty("offset.flush.interval.ms", millis(settings.offsetFlushInterval()));
    }

    private static void latency(Properties properties, RelaySettings settings) {
        // Debezium sleeps this long between empty reads of the replication stream and hands a partial batch over
        // only once this long has passed, busy or idle: it is the trade between the wait per hop and idle CPU,
        // and Debezium has no adaptive or blocking alternative (ADR 0013).
        properties.setProperty("poll.interval.ms", millis(settings.pollInterval()));
        properties.setProperty("max.batch.size", Integer.toString(settings.maxBatchSize()));
        properties.setProperty("max.queue.size", Integer.toString(Math.max(MIN_QUEUE_SIZE, 4 * settings.maxBatchSize())));
    }

    private static String millis(java.time.Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
