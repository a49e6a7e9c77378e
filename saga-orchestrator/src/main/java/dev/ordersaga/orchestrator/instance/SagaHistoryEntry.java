package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.HistoryType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a saga's timeline, as the admin API reads it. Append-only, and appended by {@link SagaStore}. */
@Entity
@Immutable
@Table(name = "saga_history")
public class SagaHistoryEntry {

    /** From the column's default: increases with each row a process appends, so it orders the timeline. */
    @Id
    private Long id;

    @Column(name = "saga_id", nullable = false)
    private UUID sagaId;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HistoryType type;

    private String step;

    @Column(name = "message_type")
    private String messageType;

    @Column(name = "message_id")
    private UUID messageId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> detail;

    protected SagaHistoryEntry() {
    }

    public Long getId() {
        return id;
    }

    public UUID getSagaId() {
        return sagaId;
    }

    public Instant getAt() {
        return at;
    }

    public HistoryType getType() {
        return type;
    }

    public String getStep() {
        return step;
    }

    public String getMessageType() {
        return messageType;
    }

    public UUID getMessageId() {
        return messageId;
    }

    public Map<String, String> getDetail() {
        return detail;
    }
}
