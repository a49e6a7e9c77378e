package dev.ordersaga.messaging.consumer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Purges inbox entries past their retention, so the dedup table does not grow forever. */
final class InboxJanitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxJanitor.class);

    private final Inbox inbox;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    InboxJanitor(Inbox inbox, Duration retention, Duration interval) {
        this.inbox = inbox;
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-janitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            int purged = inbox.purgeOlderThan(retention);
            log.debug("Purged {} inbox entries older than {}", purged, retention);
        } catch (RuntimeException e) {
            log.warn("Inbox purge failed; it runs again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
