package dev.ordersaga.messaging.relay;

import io.debezium.engine.ChangeEvent;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the Debezium engine, on its own thread, with the producer it publishes through. A run
 * ends when it is closed or when the engine fails; the relay then starts a new one.
 */
final class EngineRun {

    private static final Logger log = LoggerFactory.getLogger(EngineRun.class);

    private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private final Producer<String, byte[]> producer;
    private final ExecutorService thread;
    private final CompletableFuture<Void> streaming = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Throwable failure;

    private EngineRun(Properties properties, Producer<String, byte[]> producer, ParkingLot parkingLot,
                      RelayMetrics metrics) {
        this.producer = producer;
        this.engine = DebeziumEngine.create(Connect.class)
                .using(properties)
                .notifying(new OutboxBatchPublisher(producer, new OutboxChangeEvents(), parkingLot, metrics))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        streaming.complete(null);
                    }
                })
                .using(this::completed)
                .build();
        this.thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "outbox-relay-engine"));
    }

    /**
     * Starts an engine that publishes through {@code producer}, which the run closes when it ends, and parks
     * the rows it cannot publish in {@code parkingLot}.
     */
    static EngineRun start(Properties properties, Producer<String, byte[]> producer, ParkingLot parkingLot,
                           RelayMetrics metrics) {
        EngineRun run = new EngineRun(properties, producer, parkingLot, metrics);
        run.thread.execute(run.engine);
        return run;
    }

    /** Whether the engine has started streaming changes and has not ended. */
    boolean isStreaming() {
        return streaming.isDone() && !finished.isDone();
    }

    boolean hasEnded() {
        return finished.isDone();
    }

    /** Why the engine ended, if it failed. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops the engine (which stores the acknowledged position), then closes the producer. */
    void close(Duration timeout) {
        try {
            requestStop(timeout);
            finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The outbox relay engine did not stop within {}", timeout);
        } finally {
            thread.shutdownNow();
            producer.close(timeout);
        }
    }

    private void requestStop(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            engine.close();
        } catch (IllegalStateException refused) {
            if (streaming.isDone() || finished.isDone()) {
                return; // already stopping or stopped
            }
            // The engine refuses to stop while its tasks start (they open connections); retry once they have.
            CompletableFuture.anyOf(streaming, finished).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished.isDone()) {
                closeQuietly();
            }
        } catch (IOException e) {
            log.warn("Stopping the outbox relay engine failed", e);
        }
    }

    private void closeQuietly() {
        try {
            engine.close();
        } catch (IOException | IllegalStateException e) {
            log.warn("Stopping the outbox relay engine failed", e);
        }
    }

    private void completed(boolean success, String message, Throwable error) {
        if (!success) {
            failure = error != null ? error : new IllegalStateException(message);
        }
        finished.complete(null);
    }
}
