package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.MessagingProperties;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnginePropertiesTest {

    private final Properties properties = EngineProperties.of(settings(),
            RelayDatabase.of("jdbc:postgresql://localhost:5433/payments", "payment_service", "pw"));

    @Test
    void capturesOnlyTheOutboxAndHeartbeatTablesThroughTheMigratedPublication() {
        assertThat(properties)
                .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("slot.name", "payment_service_outbox")
                .containsEntry("publication.name", "outbox_publication")
                .containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("table.include.list", "public.outbox,public.relay_heartbeat")
                .containsEntry("snapshot.mode", "no_data")
                .containsEntry("topic.prefix", "payment-service");
    }

    @Test
    void connectsToTheServiceDatabase() {
        assertThat(properties)
                .containsEntry("database.hostname", "localhost")
                .containsEntry("database.port", "5433")
                .containsEntry("database.dbname", "payments")
                .containsEntry("database.user", "payment_service")
                .containsEntry("database.password", "pw");
    }

    @Test
    void storesOffsetsInTheServiceDatabaseUnderTheSlotName() {
        assertThat(properties)
                .containsEntry("name", "payment_service_outbox")
                .containsEntry("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore")
                .containsEntry("offset.storage.jdbc.connection.url", "jdbc:postgresql://localhost:5433/payments")
                .containsEntry("offset.storage.jdbc.connection.user", "payment_service")
                .containsEntry("offset.storage.jdbc.connection.password", "pw")
                .containsEntry("offset.storage.jdbc.table.name", "relay_offset")
                .containsEntry("offset.flush.interval.ms", "1000");
    }

    @Test
    void tunesForLatencyAndKeepsTheSlotMovingOnAQuietDatabase() {
        assertThat(properties)
                .containsEntry("poll.interval.ms", "10")
                .containsEntry("max.batch.size", "512")
                .containsEntry("heartbeat.interval.ms", "10000")
                .containsEntry("heartbeat.action.query", EngineProperties.HEARTBEAT_QUERY);
        assertThat(Integer.parseInt(properties.getProperty("max.queue.size")))
                .isGreaterThan(Integer.parseInt(properties.getProperty("max.batch.size")));
    }

    private static RelaySettings settings() {
        MessagingProperties messaging = new MessagingProperties();
        messaging.setServiceName("payment-service");
        return RelaySettings.of(messaging);
    }
}
