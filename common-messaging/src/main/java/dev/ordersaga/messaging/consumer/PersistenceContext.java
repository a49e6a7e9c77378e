package dev.ordersaga.messaging.consumer;

/**
 * The ORM session of the running transaction, if the service has one. A savepoint rolls back the database, not
 * the entities a session holds in memory: each record's changes are flushed before its savepoint is released,
 * and after a rollback to a savepoint the session is emptied, so a failed record's changes are never flushed
 * later with another's. It is emptied after a record that succeeded too, once flushed.
 */
interface PersistenceContext {

    /** Plain JDBC: nothing is held in memory. */
    PersistenceContext NONE = new PersistenceContext() {
        @Override
        public void flush() {
        }

        @Override
        public void discard() {
        }
    };

    /** Writes pending changes to the database, inside the record's savepoint. */
    void flush();

    /** Drops every managed entity and pending change; what was flushed stays in the database. */
    void discard();
}
