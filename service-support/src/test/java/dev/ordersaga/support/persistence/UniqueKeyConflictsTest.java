package dev.ordersaga.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

class UniqueKeyConflictsTest {

    private static final String KEY = "payments_order_id_key";

    @Test
    void violationOfTheNamedKeyBecomesTheRetryableConflict() {
        DataIntegrityViolationException violation = violationOf("PAYMENTS_ORDER_ID_KEY");

        assertThatThrownBy(() -> UniqueKeyConflicts.guard(() -> {
            throw violation;
        }, KEY, Conflict::new))
                .isInstanceOf(Conflict.class)
                .isInstanceOf(ConcurrencyFailureException.class)
                .hasCause(violation);
    }

    @Test
    void violationOfAnotherConstraintIsRethrownAsItIs() {
        DataIntegrityViolationException violation = violationOf("payments_amount_check");

        assertThatThrownBy(() -> UniqueKeyConflicts.guard(() -> {
            throw violation;
        }, KEY, Conflict::new))
                .isSameAs(violation);
    }

    @Test
    void integrityViolationWithoutConstraintNameIsRethrownAsItIs() {
        DataIntegrityViolationException violation = new DataIntegrityViolationException("not null");

        assertThatThrownBy(() -> UniqueKeyConflicts.guard(() -> {
            throw violation;
        }, KEY, Conflict::new))
                .isSameAs(violation);
    }

    @Test
    void successfulWriteRunsOnceAndThrowsNothing() {
        AtomicBoolean written = new AtomicBoolean();

        UniqueKeyConflicts.guard(() -> written.set(true), KEY, Conflict::new);

        assertThat(written).isTrue();
    }

    @Test
    void findsTheConstraintAnywhereInTheCauseChain() {
        RuntimeException wrapped = new RuntimeException("outer", violationOf(KEY));

        assertThat(UniqueKeyConflicts.violates(wrapped, KEY)).isTrue();
        assertThat(UniqueKeyConflicts.violates(wrapped, "orders_pkey")).isFalse();
    }

    private static DataIntegrityViolationException violationOf(String constraint) {
        return new DataIntegrityViolationException("duplicate key",
                new ConstraintViolationException("duplicate key", new SQLException("23505"), constraint));
    }

    static final class Conflict extends ConcurrencyFailureException {

        Conflict(Throwable cause) {
            super("lost the race", cause);
        }
    }
}
