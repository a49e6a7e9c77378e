package dev.ordersaga.inventory.reservation;

import dev.ordersaga.messaging.consumer.MessageSubscription;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InventoryMessaging {

    /** Every type on inventory.commands has a handler, so anything else there is a dead letter. */
    @Bean
    MessageSubscription inventoryCommandSubscription(InventoryCommands commands) {
        return MessageSubscription.to(Topics.INVENTORY_COMMANDS)
                .on(ReserveInventory.class, commands::reserve)
                .on(ConfirmReservation.class, commands::confirm)
                .on(ReleaseInventory.class, commands::release);
    }
}
