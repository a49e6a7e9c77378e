package dev.ordersaga.orchestrator.instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ordersaga.orchestrator.saga.HistoryEntry;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaState;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every write of saga instances and their history, in plain SQL on the caller's transaction. The handlers,
 * the deadline poller and operators all write through here; JPA only reads, for the admin API.
 *
 * <p>Why not Hibernate: per message, it cost a persistence context, a dirty check, a flush, and a JSON pass
 * for the saga's data on every update whether the data had changed or not, for what is one read and one
 * single-row update. And every read here is fresh from the database: within one transaction that handles
 * several messages of one saga (savepoint per message), the second always sees what the first wrote, and
 * nothing of a message rolled back to its savepoint lingers in a persistence context.
 *
 * <p>Concurrency is what it was with JPA's {@code @Version}: an update only applies to the version that was
 * read ({@code WHERE version = ?}, then {@code version + 1}), else it fails with
 * {@link OptimisticLockingFailureException}, which the messaging library retries against the new state. The
 * deadline poller claims rows with {@code FOR NO KEY UPDATE SKIP LOCKED}, so a reply racing it waits on the
 * row lock and then finds the version moved.
 */
@Component
class SagaStore {

    private static final String COLUMNS = """
            saga_id, definition_name, definition_version, state, current_step, step_deadline, step_started_at,
            attempts, command_try, retry_pending, data, version, created_at, updated_at""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM saga_instances WHERE saga_id = ?";
    private static final String LOCK = FIND + " FOR NO KEY UPDATE";
    /**
     * FOR NO KEY UPDATE is the lock the UPDATE takes anyway; unlike FOR UPDATE it does not block the foreign-key
     * checks of history rows other transactions insert. Served by saga_instances_active_deadline_idx (V1), whose
     * predicate the state condition repeats.
     */
    private static final String LOCK_DUE = "SELECT " + COLUMNS + """
             FROM saga_instances
            WHERE state IN ('RUNNING', 'COMPENSATING') AND step_deadline <= ?
            ORDER BY step_deadline
            LIMIT ?
            FOR NO KEY UPDATE SKIP LOCKED""";
    private static final String LOCK_IF_DUE = "SELECT " + COLUMNS + """
             FROM saga_instances
            WHERE saga_id = ? AND state IN ('RUNNING', 'COMPENSATING') AND step_deadline <= ?
            FOR NO KEY UPDATE SKIP LOCKED""";
    private static final String INSERT = "INSERT INTO saga_instances (" + COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (saga_id) DO NOTHING""";
    private static final String UPDATE_SET = """
            UPDATE saga_instances SET state = ?, current_step = ?, step_deadline = ?, step_started_at = ?,
                   attempts = ?, command_try = ?, retry_pending = ?, updated_at = ?, version = version + 1""";
    private static final String UPDATE_WHERE = " WHERE saga_id = ? AND version = ?";
    private static final String UPDATE = UPDATE_SET + UPDATE_WHERE;
    private static final String UPDATE_WITH_DATA = UPDATE_SET + ", data = ?::jsonb" + UPDATE_WHERE;
    /**
     * Ids come from the column's default, one nextval per row in the order of the VALUES list, so ids still order
     * a saga's timeline. The sequence steps by 50 (V1, for Hibernate's pooled ids): each nextval is the top of a
     * block no pooled generator hands out, so rows written by an older build during a rolling deploy never
     * collide with these.
     */
    private static final String HISTORY_INSERT =
            "INSERT INTO saga_history (saga_id, at, type, step, message_type, message_id, detail) VALUES ";
    private static final String HISTORY_ROW = "(?, ?, ?, ?, ?, ?, ?::jsonb)";
    private static final int HISTORY_COLUMNS = 7;

    private final JdbcClient jdbc;
    private final ObjectReader dataReader;
    private final ObjectWriter dataWriter;
    private final ObjectWriter detailWriter;

    SagaStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataReader = json.readerFor(OrderSagaData.class);
        this.dataWriter = json.writerFor(OrderSagaData.class);
        this.detailWriter = json.writerFor(new TypeReference<Map<String, String>>() { });
    }

    Optional<SagaInstance> find(UUID sagaId) {
        return jdbc.sql(FIND).param(sagaId).query(this::instance).optional();
    }

    /**
     * Reads the saga to change it, holding its row for the rest of the transaction. A plain read is not enough for
     * a message that decides on the saga's state: PostgreSQL's logical decoding can hand a transaction to the relay
     * before that transaction is visible to other sessions, so a participant's answer to a command can come back
     * before the state that sent the command reads as committed. A plain read then judges the older state (e.g.
     * OrderApproved ignored at charge-payment, and the saga stuck at approve-order), and an ignored message writes
     * nothing for the version check to catch. The lock waits for a writer still in progress, and READ COMMITTED
     * then returns the row as that writer left it. It also makes two replies of one saga queue instead of one
     * failing its version check and being redelivered.
     */
    Optional<SagaInstance> lock(UUID sagaId) {
        return jdbc.sql(LOCK).param(sagaId).query(this::instance).optional();
    }

    /**
     * Claims up to {@code limit} sagas whose deadline has passed, oldest deadline first, for the rest of the
     * transaction. Rows another transaction holds (a reply being handled, another replica's poll) are skipped,
     * not waited for.
     */
    List<SagaInstance> lockDue(Instant now, int limit) {
        return jdbc.sql(LOCK_DUE).param(timestamp(now)).param(limit).query(this::instance).list();
    }

    /** Claims one saga if its deadline has still passed and nobody else holds it. */
    Optional<SagaInstance> lockIfDue(UUID sagaId, Instant now) {
        return jdbc.sql(LOCK_IF_DUE).param(sagaId).param(timestamp(now)).query(this::instance).optional();
    }

    /** @return false, writing nothing, when this saga exists already */
    boolean insertIfAbsent(SagaInstance saga) {
        Instant now = now();
        int inserted = jdbc.sql(INSERT)
                .param(saga.getSagaId())
                .param(saga.getDefinitionName())
                .param(saga.getDefinitionVersion())
                .param(saga.getState().name())
                .param(saga.getCurrentStep())
                .param(timestamp(saga.getStepDeadline()))
                .param(timestamp(saga.getStepStartedAt()))
                .param(saga.getAttempts())
                .param(saga.getCommandTry())
                .param(saga.isRetryPending())
                .param(json(dataWriter, saga.getData()))
                .param(saga.getVersion())
                .param(timestamp(now))
                .param(timestamp(now))
                .update();
        if (inserted == 1) {
            saga.markStored(saga.getVersion(), now, now);
        }
        return inserted == 1;
    }

    /**
     * Writes the instance's state over the version it was read at; the data only when it changed.
     *
     * @throws OptimisticLockingFailureException someone else changed the saga since it was read
     */
    void update(SagaInstance saga) {
        Instant now = now();
        JdbcClient.StatementSpec update = jdbc.sql(saga.isDataChanged() ? UPDATE_WITH_DATA : UPDATE)
                .param(saga.getState().name())
                .param(saga.getCurrentStep())
                .param(timestamp(saga.getStepDeadline()))
                .param(timestamp(saga.getStepStartedAt()))
                .param(saga.getAttempts())
                .param(saga.getCommandTry())
                .param(saga.isRetryPending())
                .param(timestamp(now));
        if (saga.isDataChanged()) {
            update = update.param(json(dataWriter, saga.getData()));
        }
        int updated = update.param(saga.getSagaId()).param(saga.getVersion()).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Saga " + saga.getSagaId() + " changed since version "
                    + saga.getVersion() + " was read (or is gone)");
        }
        saga.markStored(saga.getVersion() + 1, saga.getCreatedAt(), now);
    }

    /** Appends the entries in one statement, in their order. */
    void appendHistory(UUID sagaId, Instant at, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(entries.size() * HISTORY_COLUMNS);
        OffsetDateTime timestamp = timestamp(at);
        for (HistoryEntry entry : entries) {
            params.add(sagaId);
            params.add(timestamp);
            params.add(entry.type().name());
            params.add(entry.step());
            params.add(entry.messageType());
            params.add(entry.messageId());
            params.add(json(detailWriter, entry.detail()));
        }
        jdbc.sql(historyInsert(entries.size())).params(params).update();
    }

    private static String historyInsert(int rows) {
        StringBuilder sql = new StringBuilder(HISTORY_INSERT.length() + rows * (HISTORY_ROW.length() + 2))
                .append(HISTORY_INSERT).append(HISTORY_ROW);
        for (int row = 1; row < rows; row++) {
            sql.append(", ").append(HISTORY_ROW);
        }
        return sql.toString();
    }

    private SagaInstance instance(ResultSet row, int rowNumber) throws SQLException {
        return SagaInstance.stored(
                row.getObject("saga_id", UUID.class),
                row.getString("definition_name"),
                row.getInt("definition_version"),
                SagaState.valueOf(row.getString("state")),
                row.getInt("current_step"),
                instant(row, "step_deadline"),
                instant(row, "step_started_at"),
                row.getInt("attempts"),
                row.getInt("command_try"),
                row.getBoolean("retry_pending"),
                data(row.getString("data")),
                row.getLong("version"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private OrderSagaData data(String stored) {
        try {
            return dataReader.readValue(stored);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unreadable saga data: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** pgjdbc binds OffsetDateTime as timestamptz; it has no binding for Instant. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Wall-clock time at PostgreSQL's precision, as every other entity's timestamps (AuditedEntity). */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
