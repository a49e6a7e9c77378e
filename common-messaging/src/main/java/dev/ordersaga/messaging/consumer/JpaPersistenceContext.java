package dev.ordersaga.messaging.consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The entity manager that the JPA transaction manager bound to the running transaction, when there is one. */
final class JpaPersistenceContext implements PersistenceContext {

    private final EntityManagerFactory entityManagerFactory;

    JpaPersistenceContext(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void flush() {
        EntityManager entityManager = bound();
        if (entityManager != null) {
            entityManager.flush();
        }
    }

    @Override
    public void discard() {
        EntityManager entityManager = bound();
        if (entityManager != null) {
            entityManager.clear();
        }
    }

    /** Never opens one: a handler that did not use JPA has nothing to flush. */
    private EntityManager bound() {
        return TransactionSynchronizationManager.getResource(entityManagerFactory) instanceof EntityManagerHolder holder
                ? holder.getEntityManager()
                : null;
    }
}
