package dev.ordersaga.orchestrator.instance;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a saga with its history: one query for the instance, one for the history. */
@Service
public class SagaTimelines {

    private final SagaInstanceRepository instances;
    private final SagaHistoryRepository history;
    private final SagaDefinitions definitions;

    SagaTimelines(SagaInstanceRepository instances, SagaHistoryRepository history, SagaDefinitions definitions) {
        this.instances = instances;
        this.history = history;
        this.definitions = definitions;
    }

    @Transactional(readOnly = true)
    public Optional<SagaTimeline> find(UUID sagaId) {
        return instances.findById(sagaId).map(instance -> new SagaTimeline(
                instance, currentStepName(instance), history.findBySagaIdOrderByIdAsc(sagaId)));
    }

    private String currentStepName(SagaInstance instance) {
        return definitions.find(instance.getDefinitionName(), instance.getDefinitionVersion())
                .map(engine -> engine.definition().step(instance.getCurrentStep()).name())
                .orElse(null);
    }
}
