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

    /** Characters as the schema's maxLength and PostgreSQL's char_length count them. */
    @Test
    void countsTheReasonInCodePoints() {
        String emoji = "\uD83D\uDE00";

        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), emoji.repeat(500)))).isEmpty();
        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), emoji.repeat(501))))
                .containsExactly(new Violation("reason", "must be at most 500 characters"));
    }

    @Test
    void aReasonOfAMegabyteIsOneShortViolationThatDoesNotEchoIt() {
        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), "r".repeat(1_000_000))))
                .containsExactly(new Violation("reason", "must be at most 500 characters"));
    }

    /** PostgreSQL's text refuses it: the order could not keep the reason. */
    @Test
    void refusesANulCharacterInTheReason() {
        assertThat(validator.validate(new CancelOrder(UUID.randomUUID(), "changed\u0000mind")))
                .containsExactly(new Violation("reason", "must not contain the character U+0000"));
    }

    @Test
    void refusesAReasonOver500CharactersAlongsideAMissingOrderId() {
        assertThat(validator.validate(new CancelOrder(null, "r".repeat(501))))
                .containsExactly(new Violation("orderId", "is required"),
                        new Violation("reason", "must be at most 500 characters"));
    }
}
