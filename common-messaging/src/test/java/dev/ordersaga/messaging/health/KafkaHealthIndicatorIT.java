package dev.ordersaga.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class KafkaHealthIndicatorIT extends MessagingIntegrationTest {

    @Autowired
    private KafkaHealthIndicator kafkaHealth;

    @Test
    void isUpWithTheBrokerCountWhenTheBrokerAnswers() {
        Health health = kafkaHealth.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
    }

    @Test
    void isDownWhenNoBrokerAnswersWithinTheTimeout() throws Exception {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + unusedPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000));
        KafkaHealthIndicator nothingListening = new KafkaHealthIndicator(admin, Duration.ofSeconds(1));
        try {
            assertThat(nothingListening.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            nothingListening.destroy();
        }
    }
}
