package dev.ordersaga.order.api;

import dev.ordersaga.order.cancellation.CancellationOutcome;
import dev.ordersaga.order.cancellation.OrderCancellations;
import dev.ordersaga.order.intake.IntakeOutcome;
import dev.ordersaga.order.intake.OrderIntake;
import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final OrderIntake intake;
    private final OrderCancellations cancellations;
    private final OrderQueries queries;

    OrderController(OrderIntake intake, OrderCancellations cancellations, OrderQueries queries) {
        this.intake = intake;
        this.cancellations = cancellations;
        this.queries = queries;
    }

    /**
     * The REST twin of PlaceOrder on order.requests. 202: the order is accepted, its saga runs
     * asynchronously; a known order id answers with the order's current status and changes nothing.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderViews.Placement> place(@RequestBody PlaceOrder request) {
        IntakeOutcome outcome = intake.submit(request);
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            throw new InvalidRequestException(rejected.violations());
        }
        if (outcome instanceof IntakeOutcome.Placed placed) {
            return accepted(placed.orderId(), placed.status());
        }
        IntakeOutcome.AlreadyPlaced known = (IntakeOutcome.AlreadyPlaced) outcome;
        return accepted(known.orderId(), known.status());
    }

    /**
     * The REST twin of CancelOrder; the body ({@code {"reason": ...}}) is optional. 202 with the order, now
     * CANCELLING: the saga compensates asynchronously and the order ends CANCELLED. 200 with the order when it
     * was cancelled already; 409 when it is APPROVED or REJECTED.
     */
    @PostMapping("/{orderId}/cancel")
    ResponseEntity<OrderViews.Details> cancel(@PathVariable UUID orderId,
                                              @RequestBody(required = false) CancelRequest request) {
        String reason = request == null ? null : request.reason();
        CancellationOutcome outcome = cancellations.submit(orderId, reason);
        if (outcome instanceof CancellationOutcome.Requested requested) {
            return ResponseEntity.accepted().body(OrderViews.Details.of(requested.order()));
        }
        if (outcome instanceof CancellationOutcome.AlreadyRequested repeated) {
            return ResponseEntity.ok(OrderViews.Details.of(repeated.order()));
        }
        if (outcome instanceof CancellationOutcome.Refused refused) {
            throw new CancellationRefusedException(refused.reason());
        }
        if (outcome instanceof CancellationOutcome.Invalid invalid) {
            throw new InvalidRequestException(invalid.violations());
        }
        throw new OrderNotFoundException(orderId);
    }

    @GetMapping("/{orderId}")
    OrderViews.Details get(@PathVariable UUID orderId) {
        return queries.details(orderId);
    }

    /** Orders matching every given criterion, newest first by default; lines are not included. */
    @GetMapping
    OrderViews.SummaryPage search(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) Instant createdFrom,
            @RequestParam(required = false) Instant createdTo,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = OrderSearchParameters.DEFAULT_PAGE_SIZE) int size,
            @RequestParam(defaultValue = OrderSearchParameters.DEFAULT_SORT) String sort) {
        OrderSearchParameters parameters =
                new OrderSearchParameters(status, customerId, createdFrom, createdTo, page, size, sort);
        parameters.validate();
        return queries.search(parameters.criteria(), parameters.pageable());
    }

    private static ResponseEntity<OrderViews.Placement> accepted(UUID orderId, OrderStatus status) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{orderId}")
                .buildAndExpand(orderId)
                .toUri();
        return ResponseEntity.accepted().location(location).body(new OrderViews.Placement(orderId, status));
    }
}
