package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.consumer.MessageSubscription;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A minimal service on the messaging library: it reserves inventory and replies through the outbox, and releases
 * with a two-step handler.
 */
@SpringBootApplication
public class MessagingTestApplication {

    @Bean
    MessageSubscription inventoryCommands(Reservations reservations, Releases releases) {
        return MessageSubscription.to(Topics.INVENTORY_COMMANDS)
                .on(ReserveInventory.class, reservations::reserve)
                .onPrepared(ReleaseInventory.class, releases);
    }
}
