package dev.ordersaga.inventory.reservation;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.testkit.KafkaTestClient;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many commands at once through the service layer on real PostgreSQL, each in its own transaction and retried
 * the way the messaging library retries them: a transient failure (an optimistic-lock conflict, a lock
 * timeout) is run again at once. The listener itself handles one record at a time per partition, so this is
 * the concurrency of several partitions, listener threads or service instances.
 */
class ReservationConcurrencyIT extends InventoryIntegrationTest {

    private static final int ATTEMPTS = 100;
    private static final String DEADLOCK_DETECTED = "40P01";

    @Autowired
    private InventoryCommands commands;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final KafkaTestClient kafka = kafka();
    private final List<TransientDataAccessException> retriedFailures = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(30);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void thirtyOrdersForTheLastTenUnitsReserveExactlyTenAndTheRestAreUnavailable() throws Exception {
        String sku = uniqueSku("LAST");
        seedProduct(sku, 10);
        List<UUID> orders = newOrderIds(30);

        runConcurrently(orders.stream()
                .map(orderId -> command(() -> commands.reserve(reserve(orderId, new StockLine(sku, 1)))))
                .toList());

        assertThat(stockOf(sku)).isEqualTo(new StockLevels(0, 10, 0));
        assertThat(reservationsOf(orders)).isEqualTo(10);
        Map<String, Long> replies = orders.stream().collect(groupingBy(this::replyTo, counting()));
        assertThat(replies).containsOnly(entry("InventoryReserved", 10L), entry("InventoryUnavailable", 20L));
    }

    @Test
    void ordersTakingTwoProductsInOppositeLineOrderAllReserveWithoutDeadlock() throws Exception {
        String a = uniqueSku("A");
        String b = uniqueSku("B");
        seedProduct(a, 100);
        seedProduct(b, 100);
        List<UUID> orders = newOrderIds(20);

        runConcurrently(IntStream.range(0, orders.size())
                .mapToObj(i -> command(() -> commands.reserve(i % 2 == 0
                        ? reserve(orders.get(i), new StockLine(a, 1), new StockLine(b, 2))
                        : reserve(orders.get(i), new StockLine(b, 2), new StockLine(a, 1)))))
                .toList());

        assertThat(stockOf(a)).isEqualTo(new StockLevels(80, 20, 0));
        assertThat(stockOf(b)).isEqualTo(new StockLevels(60, 40, 0));
        assertThat(reservationsOf(orders)).isEqualTo(20);
        assertThat(deadlocks()).isEmpty();
    }

    @Test
    void undoingSalesWhileNewOrdersReserveTheSameProductsConservesStockWithoutDeadlock() throws Exception {
        String a = uniqueSku("A");
        String b = uniqueSku("B");
        seedProduct(a, 30);
        seedProduct(b, 30);
        List<UUID> sold = newOrderIds(10);
        for (UUID orderId : sold) {
            command(() -> commands.reserve(reserve(orderId, new StockLine(a, 1), new StockLine(b, 1)))).run();
            command(() -> commands.confirm(new ConfirmReservation(orderId))).run();
        }
        List<UUID> fresh = newOrderIds(10);

        List<Runnable> work = new ArrayList<>();
        for (int i = 0; i < sold.size(); i++) {
            UUID soldOrder = sold.get(i);
            UUID freshOrder = fresh.get(i);
            work.add(command(() -> commands.release(new ReleaseInventory(soldOrder))));
            work.add(command(() -> commands.reserve(reserve(freshOrder, new StockLine(b, 2), new StockLine(a, 2)))));
        }
        runConcurrently(work);

        assertThat(stockOf(a)).isEqualTo(new StockLevels(10, 20, 0));
        assertThat(stockOf(b)).isEqualTo(new StockLevels(10, 20, 0));
        assertThat(deadlocks()).isEmpty();
    }

    /** The command in a transaction of its own, run again after a transient failure like the library does. */
    private Runnable command(Runnable command) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        return () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    transactions.executeWithoutResult(status -> command.run());
                    return;
                } catch (TransientDataAccessException e) {
                    retriedFailures.add(e);
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        };
    }

    private void runConcurrently(List<Runnable> work) throws Exception {
        CompletableFuture<?>[] running = work.stream()
                .map(task -> CompletableFuture.runAsync(task, threads))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(running).get(KafkaTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private List<TransientDataAccessException> deadlocks() {
        return retriedFailures.stream().filter(ReservationConcurrencyIT::isDeadlock).toList();
    }

    private static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && DEADLOCK_DETECTED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private String replyTo(UUID orderId) {
        return kafka.awaitRecords(orderId.toString(), seen -> !seen.isEmpty()).get(0).type();
    }

    private int reservationsOf(List<UUID> orders) {
        return new NamedParameterJdbcTemplate(jdbc).queryForObject(
                "SELECT count(*) FROM reservations WHERE status = 'RESERVED' AND order_id IN (:orders)",
                Map.of("orders", orders), Integer.class);
    }

    private static ReserveInventory reserve(UUID orderId, StockLine... lines) {
        return new ReserveInventory(orderId, List.of(lines));
    }

    private static List<UUID> newOrderIds(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toList();
    }
}
