package dev.ordersaga.messaging.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the Debezium engine in exactly one replica of the service. A supervisor thread, every
 * retry interval: as a standby, tries to take the leader lock and starts the engine when it does; as
 * the leader, checks that the lock's session is alive (else stops the engine and stands by again) and
 * restarts the engine if it ended. All state changes happen on that thread.
 *
 * <p>It starts early and stops late in the context's lifecycle, so listener containers, whose handlers
 * write to the outbox, stop before it does.
 */
final class OutboxRelay implements SmartLifecycle {

    /** Below the web server, the listener containers and schedulers: started before them, stopped after. */
    static final int PHASE = -1_000_000;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    enum Role { STOPPED, STANDBY, LEADER }

    /**
     * What the relay is doing, for health.
     *
     * @param role                what this replica is
     * @param engineStreaming     whether its engine is capturing changes
     * @param consecutiveFailures engine failures since it last streamed
     * @param lastFailure         why the engine last failed, may be null
     * @param leaderSince         when this replica became leader, null unless it is
     */
    record Status(Role role, boolean engineStreaming, int consecutiveFailures, String lastFailure, Instant leaderSince) {
    }

    private final RelaySettings settings;
    private final RelayDatabase database;
    private final Supplier<Producer<String, byte[]>> producers;
    private final ParkingLot parkingLot;
    private final RelayMetrics metrics;
    private final LeaderLock lock;

    private volatile boolean running;
    private volatile ScheduledExecutorService supervisor;
    private volatile Role role = Role.STOPPED;
    private volatile EngineRun engine;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile Instant leaderSince;

    OutboxRelay(RelaySettings settings, RelayDatabase database, Supplier<Producer<String, byte[]>> producers,
                ParkingLot parkingLot, RelayMetrics metrics) {
        this.settings = settings;
        this.database = database;
        this.producers = producers;
        this.parkingLot = parkingLot;
        this.metrics = metrics;
        this.lock = new LeaderLock(database, settings.leaderLockKey(), settings.slotName());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        role = Role.STANDBY;
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.retryInterval().toMillis();
        supervisor.scheduleWithFixedDelay(this::supervise, 0, interval, TimeUnit.MILLISECONDS);
        log.info("Outbox relay started for slot {} on {}", settings.slotName(), database);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            supervisor.submit(this::stepDown).get(STOP_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The outbox relay did not stop cleanly", e);
        } finally {
            supervisor.shutdownNow();
            supervisor = null;
            role = Role.STOPPED;
        }
        log.info("Outbox relay stopped for slot {}", settings.slotName());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    Status status() {
        EngineRun current = engine;
        return new Status(role, current != null && current.isStreaming(), consecutiveFailures, lastFailure, leaderSince);
    }

    String leaderLockApplicationName() {
        return lock.applicationName();
    }

    private void supervise() {
        if (!running) {
            return;
        }
        try {
            if (role == Role.LEADER) {
                superviseAsLeader();
            } else {
                tryToLead();
            }
        } catch (RuntimeException e) {
            log.error("Outbox relay supervision failed; trying again in {}", settings.retryInterval(), e);
        }
    }

    private void tryToLead() {
        if (!lock.tryAcquire()) {
            return;
        }
        role = Role.LEADER;
        leaderSince = Instant.now();
        log.info("This replica is now the outbox relay leader for slot {}", settings.slotName());
        startEngine();
    }

    private void superviseAsLeader() {
        if (!lock.isHeld()) {
            log.warn("Lost the outbox relay leader lock: its database session is gone. Stopping the engine");
            stepDown();
            return;
        }
        EngineRun current = engine;
        if (current == null) {
            startEngine();
        } else if (current.hasEnded()) {
            recordFailure(current.failure().map(Throwable::toString).orElse("the engine stopped by itself"));
            log.warn("The outbox relay engine ended ({}); restarting it", lastFailure);
            engine = null;
            current.close(STOP_TIMEOUT);
            startEngine();
        } else if (current.isStreaming()) {
            consecutiveFailures = 0;
        }
    }

    private void startEngine() {
        Producer<String, byte[]> producer = producers.get();
        try {
            engine = EngineRun.start(EngineProperties.of(settings, database), producer, parkingLot, metrics);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            recordFailure(e.toString());
            log.warn("The outbox relay engine did not start; trying again in {}", settings.retryInterval(), e);
        }
    }

    private void recordFailure(String reason) {
        consecutiveFailures++;
        lastFailure = reason;
    }

    /** Stops the engine before releasing the lock, so no other replica's engine can overlap with it. */
    private void stepDown() {
        EngineRun current = engine;
        engine = null;
        if (current != null) {
            current.close(STOP_TIMEOUT);
        }
        lock.release();
        leaderSince = null;
        role = running ? Role.STANDBY : Role.STOPPED;
    }
}
