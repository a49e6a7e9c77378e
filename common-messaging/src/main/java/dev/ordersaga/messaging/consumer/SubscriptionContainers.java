package dev.ordersaga.messaging.consumer;

import java.util.List;
import java.util.function.Function;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Runs one listener container per {@link MessageSubscription}, started after the relay and the rest of the context. */
final class SubscriptionContainers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<byte[], byte[]>> containers;
    private volatile boolean running;

    SubscriptionContainers(List<MessageSubscription> subscriptions,
                           Function<MessageSubscription, ConcurrentMessageListenerContainer<byte[], byte[]>> factory) {
        this.containers = subscriptions.stream().map(factory).toList();
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    /** Stops handing records over, after the poll in hand; {@link #isPaused()} says when every container has. */
    void pause() {
        containers.forEach(ConcurrentMessageListenerContainer::pause);
    }

    boolean isPaused() {
        return containers.stream().allMatch(ConcurrentMessageListenerContainer::isContainerPaused);
    }

    void resume() {
        containers.forEach(ConcurrentMessageListenerContainer::resume);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
