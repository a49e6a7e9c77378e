package dev.ordersaga.orchestrator.instance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SagaInstanceRepository extends JpaRepository<SagaInstance, UUID>, JpaSpecificationExecutor<SagaInstance> {

    /**
     * Claims up to {@code limit} sagas whose deadline has passed, oldest deadline first, for the rest of the
     * transaction. Rows another transaction holds (a reply being handled, another replica's poll) are skipped,
     * not waited for. FOR NO KEY UPDATE is the lock the UPDATE takes anyway; unlike FOR UPDATE it does not
     * block the foreign-key checks of history rows other transactions insert. Served by
     * saga_instances_active_deadline_idx (V1), whose predicate the state condition repeats.
     */
    @Query(value = """
            SELECT * FROM saga_instances
            WHERE state IN ('RUNNING', 'COMPENSATING') AND step_deadline <= :now
            ORDER BY step_deadline
            LIMIT :limit
            FOR NO KEY UPDATE SKIP LOCKED""", nativeQuery = true)
    List<SagaInstance> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Claims one saga if its deadline has still passed and nobody else holds it. */
    @Query(value = """
            SELECT * FROM saga_instances
            WHERE saga_id = :sagaId AND state IN ('RUNNING', 'COMPENSATING') AND step_deadline <= :now
            FOR NO KEY UPDATE SKIP LOCKED""", nativeQuery = true)
    Optional<SagaInstance> lockIfDue(@Param("sagaId") UUID sagaId, @Param("now") Instant now);
}
