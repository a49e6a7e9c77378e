package dev.ordersaga.support.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.Persistable;

/**
 * Base of every entity: creation and update timestamps set by lifecycle hooks, and new-entity detection
 * for entities whose id is assigned by the application. Without the latter, Spring Data's {@code save}
 * would treat an entity with an id as existing and issue a SELECT before every INSERT. Timestamps are
 * truncated to microseconds, PostgreSQL's precision, so the entity in memory equals what is stored.
 */
@MappedSuperclass
public abstract class AuditedEntity<ID> implements Persistable<ID> {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private boolean persisted;

    @PrePersist
    void stampCreation() {
        Instant now = now();
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = now();
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        persisted = true;
    }

    @Override
    public boolean isNew() {
        return !persisted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
