package dev.ordersaga.orchestrator.instance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads sagas for the API: one with its history in two queries, or a search in one. No transaction: each read
 * is one statement on its own (see {@link JdbcTransactions}).
 */
@Service
public class SagaTimelines {

    private final SagaInstanceRepository instances;
    private final SagaHistoryRepository history;
    private final SagaDefinitions definitions;
    private final Clock clock;

    SagaTimelines(SagaInstanceRepository instances, SagaHistoryRepository history, SagaDefinitions definitions,
                  Clock clock) {
        this.instances = instances;
        this.history = history;
        this.definitions = definitions;
        this.clock = clock;
    }

    public Optional<SagaTimeline> find(UUID sagaId) {
        return instances.findById(sagaId).map(instance -> new SagaTimeline(instance, currentStepName(instance),
                instance.isOverdueAt(clock.instant()), history.findBySagaIdOrderByIdAsc(sagaId)));
    }

    /** Served by saga_instances_state_updated_idx (state, updated_at) when states are given. */
    public List<SagaOverview> search(SagaSearch search) {
        Instant now = clock.instant();
        return instances.findBy(search.toSpecification(now),
                        query -> query.sortBy(SagaSearch.order()).limit(search.limit()).all())
                .stream()
                .map(instance -> new SagaOverview(instance, currentStepName(instance), instance.isOverdueAt(now)))
                .toList();
    }

    private String currentStepName(SagaInstance instance) {
        return definitions.find(instance.getDefinitionName(), instance.getDefinitionVersion())
                .map(engine -> engine.definition().step(instance.getCurrentStep()).name())
                .orElse(null);
    }
}
