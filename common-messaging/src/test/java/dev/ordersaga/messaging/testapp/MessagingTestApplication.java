package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.consumer.MessageSubscription;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ReserveInventory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal service on the messaging library: it reserves inventory and replies through the outbox. */
@SpringBootApplication
public class MessagingTestApplication {

    @Bean
    MessageSubscription inventoryCommands(Reservations reservations) {
        return MessageSubscription.to(Topics.INVENTORY_COMMANDS)
                .on(ReserveInventory.class, reservations::reserve);
    }
}
