package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.instance.SagaTimelines;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One order's saga, for operators and the CLI. */
@RestController
@RequestMapping("/sagas")
class SagaController {

    private final SagaTimelines timelines;

    SagaController(SagaTimelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/{orderId}")
    SagaResponse saga(@PathVariable UUID orderId) {
        return timelines.find(orderId).map(SagaResponse::of).orElseThrow(() -> notFound(orderId));
    }

    private static ErrorResponseException notFound(UUID orderId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No saga for order " + orderId);
        problem.setTitle("Saga not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
