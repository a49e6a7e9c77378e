package dev.ordersaga.messaging.consumer;

import java.util.function.Consumer;

/** A one-step handler seen as a two-step one whose first step does nothing, and so is skipped. */
record TransactionalOnly<T>(Consumer<T> handler) implements PreparedMessageHandler<T, Object> {

    @Override
    public Object prepare(T message) {
        return null;
    }

    @Override
    public void apply(T message, Object prepared) {
        handler.accept(message);
    }
}
