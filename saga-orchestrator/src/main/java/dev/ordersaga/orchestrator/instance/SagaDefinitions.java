package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.CreateOrderSaga;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaDefinition;
import dev.ordersaga.orchestrator.saga.SagaEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every definition version this build can run. New sagas start on the current one; a stored instance
 * continues on the version it started with, so a new version ships beside the old until its instances end.
 */
@Component
class SagaDefinitions {

    private static final SagaDefinition<OrderSagaData> CURRENT = CreateOrderSaga.DEFINITION;
    private static final List<SagaDefinition<OrderSagaData>> RUNNABLE = List.of(CreateOrderSaga.DEFINITION);

    private final SagaEngine<OrderSagaData> current = new SagaEngine<>(CURRENT);
    private final Map<String, SagaEngine<OrderSagaData>> byKey = RUNNABLE.stream().collect(
            Collectors.toUnmodifiableMap(definition -> key(definition.name(), definition.version()), SagaEngine::new));

    SagaEngine<OrderSagaData> current() {
        return current;
    }

    Optional<SagaEngine<OrderSagaData>> find(String name, int version) {
        return Optional.ofNullable(byKey.get(key(name, version)));
    }

    /** The engine for a stored instance; its absence is a deployment error, not something to guess around. */
    SagaEngine<OrderSagaData> forInstance(SagaInstance instance) {
        return find(instance.getDefinitionName(), instance.getDefinitionVersion()).orElseThrow(() ->
                new IllegalStateException("Saga " + instance.getSagaId() + " runs on " + instance.getDefinitionName()
                        + " v" + instance.getDefinitionVersion() + ", which this build does not have"));
    }

    private static String key(String name, int version) {
        return name + ":v" + version;
    }
}
