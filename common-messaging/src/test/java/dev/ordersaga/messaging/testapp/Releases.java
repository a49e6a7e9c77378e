package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.consumer.PreparedMessageHandler;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The test service's two-step handler. {@code prepare} notes what it saw (a stand-in for a remote call) and
 * returns a token; {@code apply} records the token as an effect row. A test may make the preparation of an
 * order fail: transiently a number of times, or for good.
 */
@Component
public class Releases implements PreparedMessageHandler<ReleaseInventory, String> {

    /** What one run of prepare saw. */
    public record Preparation(UUID contextMessageId, String loggedMessageId, String loggedOrderId,
                              boolean inTransaction, int effectsApplied) {
    }

    private final JdbcTemplate jdbc;
    private final List<Preparation> preparations = new CopyOnWriteArrayList<>();
    private final Map<UUID, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> permanentFailures = new ConcurrentHashMap<>();

    Releases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String prepare(ReleaseInventory command) {
        UUID messageId = MessageContext.current().orElseThrow().messageId();
        preparations.add(new Preparation(messageId, MDC.get("messageId"), MDC.get("orderId"),
                TransactionSynchronizationManager.isActualTransactionActive(), effectsApplied()));
        AtomicInteger failures = transientFailures.get(command.orderId());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new CannotAcquireLockException("the provider is busy (test)");
        }
        if (permanentFailures.containsKey(command.orderId())) {
            throw new IllegalStateException("the provider refuses order " + command.orderId() + " (test)");
        }
        return "prepared-" + messageId;
    }

    @Override
    public void apply(ReleaseInventory command, String prepared) {
        UUID messageId = MessageContext.current().orElseThrow().messageId();
        jdbc.update("INSERT INTO release_effect (command_id, prepared) VALUES (?, ?)", messageId, prepared);
    }

    private int effectsApplied() {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM release_effect", Integer.class);
        return rows == null ? 0 : rows;
    }

    public void failTransiently(UUID orderId, int times) {
        transientFailures.put(orderId, new AtomicInteger(times));
    }

    public void failPermanently(UUID orderId) {
        permanentFailures.put(orderId, true);
    }

    /** The runs of prepare for this message id, in order. */
    public List<Preparation> preparationsOf(UUID messageId) {
        return preparations.stream().filter(preparation -> messageId.equals(preparation.contextMessageId())).toList();
    }

    /** What apply received for this message id, once per application. */
    public List<String> appliedWith(UUID messageId) {
        return jdbc.queryForList("SELECT prepared FROM release_effect WHERE command_id = ? ORDER BY id", String.class,
                messageId);
    }
}
