package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.instance.OperatorActionResult;
import dev.ordersaga.orchestrator.instance.SagaNotFoundException;
import dev.ordersaga.orchestrator.instance.SagaOperations;
import dev.ordersaga.orchestrator.instance.SagaSearch;
import dev.ordersaga.orchestrator.instance.SagaTimelines;
import dev.ordersaga.orchestrator.saga.SagaState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sagas for operators and the CLI: one order's saga with its timeline, a search, and retry / compensate. */
@RestController
@RequestMapping(path = "/sagas", produces = MediaType.APPLICATION_JSON_VALUE)
class SagaController {

    private static final String DEFAULT_LIMIT = "50";

    private final SagaTimelines timelines;
    private final SagaOperations operations;

    SagaController(SagaTimelines timelines, SagaOperations operations) {
        this.timelines = timelines;
        this.operations = operations;
    }

    @GetMapping("/{orderId}")
    SagaResponse saga(@PathVariable UUID orderId) {
        return timelines.find(orderId).map(SagaResponse::of).orElseThrow(() -> new SagaNotFoundException(orderId));
    }

    /**
     * Sagas matching every given criterion, oldest update first: {@code state} (repeatable, default all),
     * {@code stuck=true} (active, and its current step missed a deadline: overdue, or re-sent or retried already), {@code olderThan} (ISO-8601 duration since the last
     * update), {@code limit} (1 to 500).
     */
    @GetMapping
    List<SagaSummary> search(@RequestParam(name = "state", required = false) List<SagaState> states,
                             @RequestParam(defaultValue = "false") boolean stuck,
                             @RequestParam(required = false) Duration olderThan,
                             @RequestParam(defaultValue = DEFAULT_LIMIT) int limit) {
        SearchParameters.validate(olderThan, limit);
        Set<SagaState> wanted = states == null || states.isEmpty() ? Set.of() : EnumSet.copyOf(states);
        return timelines.search(new SagaSearch(wanted, stuck, olderThan, limit)).stream()
                .map(SagaSummary::of)
                .toList();
    }

    /** Sends the current step's commands again with their message ids; safe to repeat. */
    @PostMapping(path = "/{orderId}/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
    OperatorActionResponse retry(@PathVariable UUID orderId, @RequestBody OperatorActionRequest request) {
        return respond(operations.retry(orderId, request.validated()));
    }

    /** Makes a running saga compensate from its current step on; a second call finds it compensating. */
    @PostMapping(path = "/{orderId}/compensate", consumes = MediaType.APPLICATION_JSON_VALUE)
    OperatorActionResponse compensate(@PathVariable UUID orderId, @RequestBody OperatorActionRequest request) {
        return respond(operations.compensate(orderId, request.validated()));
    }

    private OperatorActionResponse respond(OperatorActionResult result) {
        return new OperatorActionResponse(result.sagaId(), result.action(), result.outcome(), saga(result.sagaId()));
    }
}
