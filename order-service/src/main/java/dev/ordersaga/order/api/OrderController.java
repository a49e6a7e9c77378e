package dev.ordersaga.order.api;

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
    private final OrderQueries queries;

    OrderController(OrderIntake intake, OrderQueries queries) {
        this.intake = intake;
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
