package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.HistoryEntry;
import dev.ordersaga.orchestrator.saga.HistoryType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a saga's timeline. Append-only: Hibernate never issues an update for it. */
@Entity
@Immutable
@Table(name = "saga_history")
public class SagaHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saga_history_ids")
    // allocationSize matches the sequence's INCREMENT BY (V1), so one nextval serves 50 batched inserts.
    @SequenceGenerator(name = "saga_history_ids", sequenceName = "saga_history_id_seq", allocationSize = 50)
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

    static SagaHistoryEntry of(UUID sagaId, Instant at, HistoryEntry entry) {
        SagaHistoryEntry row = new SagaHistoryEntry();
        row.sagaId = sagaId;
        row.at = at;
        row.type = entry.type();
        row.step = entry.step();
        row.messageType = entry.messageType();
        row.messageId = entry.messageId();
        row.detail = entry.detail();
        return row;
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
