package dev.ordersaga.messaging.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each record's effect inside a savepoint of the poll's transaction, so that a failed record is undone
 * alone. Savepoints are taken on the transaction's JDBC connection, the one JdbcTemplate and Hibernate share:
 * Spring's savepoint API on a JPA transaction needs a JPA dialect with savepoints, and Hibernate's has none.
 */
class RecordSavepoints {

    private static final SQLExceptionSubclassTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

    private final DataSource dataSource;
    private final PersistenceContext persistence;

    RecordSavepoints(DataSource dataSource, PersistenceContext persistence) {
        this.dataSource = dataSource;
        this.persistence = persistence;
    }

    /** Runs {@code effect}; if it throws, undoes all it did and rethrows. */
    void isolate(Runnable effect) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                effect.run();
                persistence.flush();
            } catch (RuntimeException | Error failure) {
                connection.rollback(savepoint);
                forgetParticipationFailure();
                persistence.discard();
                throw failure;
            }
            connection.releaseSavepoint(savepoint);
            // Flushed: each record starts with an empty context, as when it had a transaction of its own, and the
            // flushes of a long poll do not dirty-check every entity its earlier records loaded.
            persistence.discard();
        } catch (SQLException e) {
            throw TRANSLATOR.translate("record savepoint", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Runs {@code effect} without a savepoint, for the first record a transaction applies: a failure rolls the
     * whole transaction back, which undoes no other record's work and saves two round trips to the database.
     */
    void unisolated(Runnable effect) {
        effect.run();
        persistence.flush();
        persistence.discard();
    }

    /**
     * A {@code @Transactional} method of the handler that threw has marked the transaction's connection
     * rollback-only; the savepoint undid its work, so the mark goes, as it does after Spring's own rollback to a
     * savepoint. A JPA transaction marks its entity transaction too, which no API unmarks: the poll transaction
     * sees that and starts over without the record.
     */
    private void forgetParticipationFailure() {
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            holder.resetRollbackOnly();
        }
    }
}
