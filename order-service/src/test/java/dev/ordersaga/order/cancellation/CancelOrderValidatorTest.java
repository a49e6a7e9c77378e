package dev.ordersaga.order.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancelOrderValidatorTest {

    private final CancelOrderValidator validator = new CancelOrderValidator();

    @Test
    void acceptsARequestWithOrWithoutAReason() {
        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), "changed my mind"))).isEmpty();
        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), null))).isEmpty();
        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), "r".repeat(500)))).isEmpty();
    }

    @Test
    void requiresAnOrderId() {
        assertThat(validator.validate(new CancelOrder(null, "changed my mind")))
                .containsExactly(new Violation("orderId", "is required"));
    }

    @Test
    void refusesAReasonOver500CharactersAlongsideAMissingOrderId() {
        assertThat(validator.validate(new CancelOrder(null, "r".repeat(501))))
                .containsExactly(new Violation("orderId", "is required"),
                        new Violation("reason", "must be at most 500 characters"));
    }
}
