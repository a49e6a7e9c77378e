package dev.ordersaga.orchestrator.instance;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SagaHistoryRepository extends JpaRepository<SagaHistoryEntry, Long> {

    /** Served by saga_history_saga_id_idx (saga_id, id). */
    List<SagaHistoryEntry> findBySagaIdOrderByIdAsc(UUID sagaId);
}
