package dev.ordersaga.orchestrator.instance;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Reads for the admin API; every write goes through {@link SagaStore}. */
interface SagaInstanceRepository extends JpaRepository<SagaInstance, UUID>, JpaSpecificationExecutor<SagaInstance> {
}
