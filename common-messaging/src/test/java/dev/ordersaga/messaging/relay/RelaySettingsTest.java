package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.MessagingProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    @Test
    void namesTheSlotAfterTheServiceInTheCharactersPostgresqlAllows() {
        MessagingProperties properties = new MessagingProperties();
        properties.setServiceName("Inventory-Service.v2");

        RelaySettings settings = RelaySettings.of(properties);

        assertThat(settings.slotName()).isEqualTo("inventory_service_v2_outbox");
        assertThat(settings.topicPrefix()).isEqualTo("Inventory-Service.v2");
        assertThat(settings.publicationName()).isEqualTo("outbox_publication");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void sanitizesAConfiguredSlotNameAndCutsItTo63Characters() {
        MessagingProperties properties = new MessagingProperties();
        properties.setServiceName("orders");
        properties.getRelay().setSlotName("x".repeat(70) + "-Y");

        assertThat(RelaySettings.of(properties).slotName()).isEqualTo("x".repeat(63));
    }

    @Test
    void derivesOneStableLockKeyPerSlot() {
        RelaySettings orders = settings("order-service");

        assertThat(orders.leaderLockKey())
                .isEqualTo(settings("order-service").leaderLockKey())
                .isNotEqualTo(settings("payment-service").leaderLockKey());
    }

    private static RelaySettings settings(String serviceName) {
        MessagingProperties properties = new MessagingProperties();
        properties.setServiceName(serviceName);
        return RelaySettings.of(properties);
    }
}
