package dev.ordersaga.support.persistence;

import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Turns the loss of an insert race into a transient failure. When two transactions both find no row and
 * both insert one, the unique key stops the second: that is a conflict to retry (the retry finds the winner's
 * row), not a broken request. Any other integrity violation is rethrown as it is.
 */
public final class UniqueKeyConflicts {

    private UniqueKeyConflicts() {
    }

    /**
     * Runs {@code write}, which must flush, so that the violation surfaces here.
     *
     * @param constraint the unique key's name, compared ignoring case
     * @param conflict   the retryable failure to throw instead when {@code constraint} is violated
     */
    public static void guard(Runnable write, String constraint,
                             Function<DataIntegrityViolationException, ? extends ConcurrencyFailureException> conflict) {
        try {
            write.run();
        } catch (DataIntegrityViolationException e) {
            if (violates(e, constraint)) {
                throw conflict.apply(e);
            }
            throw e;
        }
    }

    /** Whether {@code failure} or one of its causes is a violation of the named constraint. */
    public static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
