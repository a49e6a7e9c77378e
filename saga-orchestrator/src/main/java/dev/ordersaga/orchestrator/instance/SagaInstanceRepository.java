package dev.ordersaga.orchestrator.instance;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SagaInstanceRepository extends JpaRepository<SagaInstance, UUID> {
}
