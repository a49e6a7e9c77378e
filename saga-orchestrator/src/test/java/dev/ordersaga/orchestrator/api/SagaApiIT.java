package dev.ordersaga.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.orchestrator.instance.SagaCoordinator;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.StatementRecorder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

class SagaApiIT extends OrchestratorIntegrationTest {

    @Autowired
    SagaCoordinator coordinator;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void showsTheSagaAndItsWholeHistoryInTwoQueries() throws Exception {
        UUID orderId = sagaThatReachedApproval();

        List<RecordedStatement> statements = StatementRecorder.record(() -> mvc.perform(get("/sagas/{id}", orderId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.sagaId").value(orderId.toString()))
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.definition").value("create-order"))
                .andExpect(jsonPath("$.definitionVersion").value(1))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.currentStep").value(3))
                .andExpect(jsonPath("$.currentStepName").value("approve-order"))
                .andExpect(jsonPath("$.stepDeadline").isNotEmpty())
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.updatedAt").isNotEmpty())
                .andExpect(jsonPath("$.history.length()").value(7))
                .andExpect(jsonPath("$.history[*].type", contains("STARTED", "COMMAND_SENT", "REPLY_RECEIVED",
                        "COMMAND_SENT", "REPLY_RECEIVED", "COMMAND_SENT", "COMMAND_SENT")))
                .andExpect(jsonPath("$.history[6].messageType").value("ApproveOrder"))
                .andExpect(jsonPath("$.history[6].detail.direction").value("forward"))
                .andExpect(jsonPath("$.history[0].at").isNotEmpty()));

        assertThat(statements).hasSize(2);
        assertThat(statements).allMatch(RecordedStatement::isSelect);
    }

    @Test
    void unknownSagaIsNotFoundAsProblemJson() throws Exception {
        mvc.perform(get("/sagas/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Saga not found"));
    }

    @Test
    void idThatIsNotAUuidIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/sagas/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.violations[0].field").value("orderId"))
                .andExpect(jsonPath("$.violations[0].message").value("must be a UUID, was 'not-a-uuid'"));
    }

    private UUID sagaThatReachedApproval() {
        UUID orderId = UUID.randomUUID();
        Money total = Money.of(300, "EUR");
        transactions.executeWithoutResult(tx -> coordinator.start(new OrderPlaced(orderId, "c-1",
                List.of(new OrderPlaced.Line("SKU-1", 3, Money.of(100, "EUR"))), total), UUID.randomUUID()));
        transactions.executeWithoutResult(tx ->
                coordinator.handleReply(new InventoryReserved(orderId), UUID.randomUUID()));
        transactions.executeWithoutResult(tx ->
                coordinator.handleReply(new PaymentCharged(orderId, UUID.randomUUID(), total), UUID.randomUUID()));
        return orderId;
    }
}
