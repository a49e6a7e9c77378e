package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.infra.KafkaServer;
import dev.ordersaga.infra.PostgresServer;
import dev.ordersaga.infra.ServiceDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The ceiling probes against a real PostgreSQL and a real broker: they measure something and leave nothing behind. */
class CeilingProbesIT {

    private static final Duration PROBE = Duration.ofSeconds(1);

    @Test
    void thePostgresqlProbeCommitsAndDropsItsScratchTable() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(0, null)) {
            ServiceDatabase scratch = postgres.createDatabase("bench_scratch", "bench_scratch", "bench_scratch");

            double commitsPerSecond = new PostgresCommitProbe(scratch, PROBE).commitsPerSecond();

            assertThat(commitsPerSecond).isPositive();
            try (Connection connection = DriverManager.getConnection(scratch.jdbcUrl(), scratch.username(), scratch.password());
                    ResultSet tables = connection.getMetaData().getTables(null, null, "commit_probe", null)) {
                assertThat(tables.next()).as("the probe's table is dropped").isFalse();
            }
        }
    }

    @Test
    void theKafkaProbeMovesRecordsAndDeletesItsTopic() throws Exception {
        try (KafkaServer kafka = KafkaServer.start(0);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {

            double recordsPerSecond = new KafkaThroughputProbe(kafka.bootstrapServers(), PROBE).recordsPerSecond();

            assertThat(recordsPerSecond).isPositive();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get().contains(KafkaThroughputProbe.TOPIC));
        }
    }
}
