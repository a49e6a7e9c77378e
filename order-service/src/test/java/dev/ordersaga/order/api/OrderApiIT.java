package dev.ordersaga.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.order.CoercibleNumbers;
import dev.ordersaga.order.OrderServiceIntegrationTest;
import dev.ordersaga.order.TestOrders;
import dev.ordersaga.order.decision.OrderDecisions;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.json.StrictJson;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.StatementRecorder;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

class OrderApiIT extends OrderServiceIntegrationTest {

    @Autowired
    private OrderDecisions decisions;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void postingAValidOrderAnswers202WithItsLocationAndStoresItPending() throws Exception {
        UUID orderId = UUID.randomUUID();

        postOrder(TestOrders.placeOrder(orderId))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", endsWith("/orders/" + orderId)))
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.status").value("PENDING"));

        assertThat(statusOf(orderId)).isEqualTo("PENDING");
        assertThat(countLines(orderId)).isEqualTo(2);
    }

    @Test
    void postingAnInvalidOrderAnswers400WithEveryViolationAndStoresNothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        PlaceOrder invalid = new PlaceOrder(orderId, " ", "XYZ1", List.of(new PlaceOrder.Line("", 10_001, 5L)));

        postOrder(invalid)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[*].field",
                        containsInAnyOrder("customerId", "currency", "lines[0].sku", "lines[0].quantity")))
                .andExpect(jsonPath("$.violations[*].message", hasSize(4)));

        assertThat(countOrders(orderId)).isZero();
    }

    @Test
    void postingMalformedJsonAnswers400NamingTheField() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"orderId":"%s","customerId":"c","currency":"EUR",
                         "lines":[{"sku":"A","quantity":"two","unitPrice":1}]}""".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("lines[0].quantity"));

        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"orderId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations", hasSize(1)));
    }

    /** Over REST as over Kafka: never coerced. */
    @ParameterizedTest
    @MethodSource("dev.ordersaga.order.CoercibleNumbers#lines")
    void postingANumberThatWouldNeedCoercingAnswers400NamingTheField(String line, String field) throws Exception {
        UUID orderId = UUID.randomUUID();

        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"orderId":"%s","customerId":"c","currency":"EUR","lines":[{"sku":"A",%s}]}"""
                        .formatted(orderId, line)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations", hasSize(1)))
                .andExpect(jsonPath("$.violations[0].field").value(field))
                .andExpect(jsonPath("$.violations[0].message").value(CoercibleNumbers.MESSAGE));

        assertThat(countOrders(orderId)).isZero();
    }

    @Test
    void postingMoreThanOneHundredLinesAnswers400WithOneViolation() throws Exception {
        PlaceOrder tooMany = new PlaceOrder(UUID.randomUUID(), "customer-1", "EUR",
                Collections.nCopies(20_000, new PlaceOrder.Line("", 0, -1L)));

        postOrder(tooMany)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations", hasSize(1)))
                .andExpect(jsonPath("$.violations[0].field").value("lines"))
                .andExpect(jsonPath("$.violations[0].message").value("must contain at most 100 lines, has 20000"));
    }

    @Test
    void postingABodyOverOneMebibyteAnswers413() throws Exception {
        String padding = "p".repeat(StrictJson.MAX_DOCUMENT_BYTES);

        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"orderId":"%s","padding":"%s"}""".formatted(UUID.randomUUID(), padding)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 1048576 bytes"));
    }

    @Test
    void postingAKnownOrderIdWithOtherContentAnswers202WithTheCurrentStatusAndChangesNothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        placeViaRest(TestOrders.placeOrder(orderId, "customer-first"));
        approve(orderId);

        postOrder(TestOrders.placeOrder(orderId, "customer-second"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        assertThat(jdbc.queryForObject("SELECT customer_id FROM orders WHERE id = ?", String.class, orderId))
                .isEqualTo("customer-first");
    }

    @Test
    void gettingAnOrderReturnsItWithItsLinesInExactlyOneStatement() throws Exception {
        UUID orderId = UUID.randomUUID();
        PlaceOrder request = TestOrders.placeOrder(orderId);
        placeViaRest(request);

        List<RecordedStatement> statements = StatementRecorder.record(() -> mvc.perform(get("/orders/{id}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.customerId").value(request.customerId()))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.total.amount").value(TestOrders.TOTAL))
                .andExpect(jsonPath("$.total.currency").value("EUR"))
                .andExpect(jsonPath("$.lines[*].sku", contains("BOOK-DDD-001", "MUG-LOGO-042")))
                .andExpect(jsonPath("$.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.lines[0].unitPrice.amount").value(4999))
                .andExpect(jsonPath("$.rejectionReason").isEmpty())
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.updatedAt").isNotEmpty()));

        assertThat(statements).as("SQL statements of GET /orders/{id}").hasSize(1);
    }

    @Test
    void gettingAnUnknownOrderAnswers404() throws Exception {
        mvc.perform(get("/orders/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void gettingAnOrderByANonUuidAnswers400() throws Exception {
        mvc.perform(get("/orders/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("orderId"));
    }

    @Test
    void searchingCombinesCustomerAndStatusAndPagesNewestFirst() throws Exception {
        String customerId = "customer-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        for (UUID orderId : List.of(first, second, third)) {
            placeViaRest(TestOrders.placeOrder(orderId, customerId));
        }
        approve(second);

        mvc.perform(get("/orders").param("customerId", customerId).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].orderId", contains(third.toString(), second.toString())))
                .andExpect(jsonPath("$.content[0].total.amount").value(TestOrders.TOTAL))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/orders").param("customerId", customerId).param("status", "PENDING")
                        .param("sort", "createdAt,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].orderId", contains(first.toString(), third.toString())));
    }

    @Test
    void searchingWithBadParametersAnswers400ListingThem() throws Exception {
        mvc.perform(get("/orders").param("size", "101").param("sort", "customerId"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[*].field", containsInAnyOrder("size", "sort")));
        mvc.perform(get("/orders").param("status", "SHIPPED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("status"));
    }

    private void approve(UUID orderId) {
        transactions.executeWithoutResult(status -> decisions.approve(new ApproveOrder(orderId)));
    }
}
