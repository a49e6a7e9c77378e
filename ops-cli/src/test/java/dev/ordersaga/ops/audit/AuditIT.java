package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.infra.PostgresServer;
import dev.ordersaga.infra.ServiceDatabase;
import dev.ordersaga.ops.Cli;
import dev.ordersaga.ops.ExitCodes;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsException;
import dev.ordersaga.ops.audit.Shop.Line;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ops.sh audit} against a real PostgreSQL with the three services' own migrations and the simulated payment
 * provider over HTTP: a consistent shop passes, then each kind of inconsistency fails with exit code 5 naming
 * exactly that order and problem.
 */
class AuditIT {

    private static final Line BOOK = new Line("BOOK-1", 2, 250);
    private static final Line MUG = new Line("MUG-1", 1, 500);

    private static PostgresServer postgres;
    private static ServiceDatabase ordersDb;
    private static ServiceDatabase inventoryDb;
    private static ServiceDatabase paymentsDb;
    private static Shop shop;

    private final ProviderBooks provider = new ProviderBooks();
    private UUID approved;
    private UUID rejected;
    private UUID declined;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start(0, null);
        ordersDb = postgres.createDatabase("orders", "order_service", "order-secret");
        inventoryDb = postgres.createDatabase("inventory", "inventory_service", "inventory-secret");
        paymentsDb = postgres.createDatabase("payments", "payment_service", "payment-secret");
        ServiceSchemas.migrate(ordersDb, "order-service");
        ServiceSchemas.migrate(inventoryDb, "inventory-service");
        ServiceSchemas.migrate(paymentsDb, "payment-service");
        shop = new Shop(ordersDb, inventoryDb, paymentsDb);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (shop != null) {
            shop.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Every final state, with a SKU on two lines, tombstones with and without an order, and an order in flight. */
    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void consistentShop() throws Exception {
        shop.clear(provider);
        shop.placedAgo(Duration.ofHours(1));
        shop.product("BOOK-1");
        shop.product("MUG-1");
        approved = shop.approved(BOOK, MUG);
        shop.approved(new Line("BOOK-1", 1, 250), new Line("BOOK-1", 1, 250));
        shop.approved(MUG);
        rejected = shop.rejectedAfterCharge(BOOK, MUG);
        declined = shop.rejectedAfterDecline(MUG);
        shop.cancelledBeforeAnything(BOOK);
        shop.tombstones(UUID.randomUUID());
        shop.placedAgo(Duration.ofSeconds(10)).pending(BOOK);
    }

    @Test
    void aConsistentShopExitsZero() {
        Cli.Result result = audit();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(
                "  orders               7  PENDING 1, APPROVED 3, REJECTED 2, CANCELLED 1; 1 in flight",
                "  payments             7",
                "  reservations         8",
                "  tombstones           4",
                "  products             2",
                "  captures             4  at the payment provider, 1 of them refunded",
                "CONSISTENT: 0 violations, 0 warnings");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void pagesOfTwoRowsGiveTheSameResult() {
        assertThat(audit("--batch-size", "2").out()).contains("orders               7", "CONSISTENT: 0 violations");
    }

    @Test
    void aChargeOfTheWrongAmountIsNamed() throws Exception {
        shop.sql(shop.payments(), "UPDATE payments SET amount = amount - 100 WHERE order_id = ?", approved);

        assertViolations(audit(), approved, "APPROVED", "charged 900 EUR, total 1000 EUR",
                "the provider holds capture " + shop.providerChargeIdOf(approved)
                        + " of 1000 EUR, but the payment is CHARGED 900 EUR");
    }

    @Test
    void anApprovedOrderWhosePaymentWasRefundedIsNamed() throws Exception {
        shop.sql(shop.payments(), "UPDATE payments SET status = 'REFUNDED' WHERE order_id = ?", approved);

        assertViolations(audit(), approved, "APPROVED", "APPROVED but payment is REFUNDED",
                "the provider holds capture " + shop.providerChargeIdOf(approved)
                        + " of 1000 EUR, but the payment is REFUNDED");
    }

    @Test
    void aRejectedOrderThatIsStillChargedIsNamed() throws Exception {
        shop.sql(shop.payments(), "UPDATE payments SET status = 'CHARGED' WHERE order_id = ?", rejected);

        String chargeId = shop.providerChargeIdOf(rejected);
        assertViolations(audit(), rejected, "REJECTED", "REJECTED but payment is CHARGED (1000 EUR not refunded)",
                "payment is CHARGED (" + chargeId + ", 1000 EUR), but the provider refunded capture " + chargeId
                        + " (" + refundIdOf(rejected) + ")");
    }

    @Test
    void aRejectedOrderWhoseStockWasNeverReleasedIsNamed() throws Exception {
        // The release never happened: the reservation and the counters both still hold the units.
        shop.sql(shop.inventory(), "UPDATE reservations SET status = 'RESERVED' WHERE order_id = ?", rejected);
        shop.sql(shop.inventory(), "UPDATE products SET reserved = reserved + 2, available = available - 2 WHERE sku = 'BOOK-1'");
        shop.sql(shop.inventory(), "UPDATE products SET reserved = reserved + 1, available = available - 1 WHERE sku = 'MUG-1'");

        assertOnlyViolation(audit(), rejected, "REJECTED", "REJECTED but reservation is RESERVED (BOOK-1 x2, MUG-1 x1)");
    }

    @Test
    void aPaymentWithoutAnOrderIsAnOrphan() throws Exception {
        UUID nowhere = UUID.randomUUID();
        UUID payment = shop.payment(nowhere, "CHARGED", 500, "customer-2", null);

        assertOnlyViolation(audit("--batch-size", "2"), nowhere, null,
                "no such order, but payment " + payment + " is CHARGED 500 EUR");
    }

    @Test
    void aStockCounterThatReservationsDoNotExplainIsNamed() throws Exception {
        shop.sql(shop.inventory(), "UPDATE products SET reserved = reserved + 3 WHERE sku = 'MUG-1'");

        Cli.Result result = audit();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INCONSISTENT);
        assertThat(result.out()).contains("""
                Violations (1):
                SKU    PROBLEM
                MUG-1  reserved 3, but RESERVED reservations hold 0
                """, "INCONSISTENT: 1 violation, 0 warnings");
    }

    @Test
    void reservedLinesThatDifferFromTheOrderAreNamedAndSoIsTheStockTheyLeaveUnexplained() throws Exception {
        shop.sql(shop.inventory(), "UPDATE reservation_lines SET quantity = 1 WHERE order_id = ? AND sku = 'BOOK-1'", approved);

        JsonNode report = json(audit("--json"));

        assertThat(report.get("violationCount").asInt()).isEqualTo(2);
        assertThat(report.get("violations").get(0).toString()).isEqualTo("{\"orderId\":\"" + approved + "\",\"status\":"
                + "\"APPROVED\",\"problem\":\"reservation lines differ from the order's: BOOK-1 ordered 2, reserved 1\"}");
        assertThat(report.get("violations").get(1).toString())
                .isEqualTo("{\"sku\":\"BOOK-1\",\"problem\":\"sold 4, but CONFIRMED reservations hold 3\"}");
    }

    @Test
    void anOrderPendingLongerThanSettleAfterIsAWarningNotAViolation() throws Exception {
        UUID stuck = shop.placedAgo(Duration.ofMinutes(20)).pending(MUG);

        Cli.Result result = audit("--settle-after", "5m");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(stuck + "  PENDING  not settled: PENDING for 20m",
                "CONSISTENT: 0 violations, 1 warning");
    }

    @Test
    void sinceLeavesOlderOrdersOut() throws Exception {
        UUID old = shop.placedAgo(Duration.ofDays(2)).approved(MUG);
        shop.sql(shop.payments(), "UPDATE payments SET amount = 1 WHERE order_id = ?", old);

        assertThat(audit("--since", "1d").exitCode()).isZero();
        assertViolations(audit(), old, "APPROVED", "charged 1 EUR, total 500 EUR",
                "the provider holds capture " + shop.providerChargeIdOf(old) + " of 500 EUR, but the payment is CHARGED 1 EUR");
    }

    @Test
    void aCaptureLeftAtTheProviderBehindADeclinedChargeIsNamed() throws Exception {
        // What a crash between the capture and its commit used to leave: declined here, the money kept there.
        String chargeId = provider.capture(declined, 500);

        assertOnlyViolation(audit(), declined, "REJECTED",
                "the provider holds capture " + chargeId + " of 500 EUR, but the payment is DECLINED");
    }

    @Test
    void aChargeRefundedAtTheProviderBehindThePaymentsBackIsNamed() throws Exception {
        provider.refund(approved);
        String chargeId = shop.providerChargeIdOf(approved);

        assertOnlyViolation(audit("--batch-size", "2"), approved, "APPROVED", "payment is CHARGED (" + chargeId
                + ", 1000 EUR), but the provider refunded capture " + chargeId + " (" + refundIdOf(approved) + ")");
    }

    @Test
    void theProviderComesFromTheEnvironmentUnlessAFlagNamesItAndUnreachableItExitsOne() {
        String nowhere = "http://localhost:1";

        Cli.Result fromEnv = audit(Map.of(), Map.of("ORDERSAGA_PROVIDER_URL", nowhere));
        Cli.Result flagWins = audit(Map.of("--provider-url", provider.url().toString()),
                Map.of("ORDERSAGA_PROVIDER_URL", nowhere));

        assertThat(fromEnv.exitCode()).as(fromEnv.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(fromEnv.err()).startsWith("error: cannot reach the payment provider at " + nowhere);
        assertThat(fromEnv.out()).isEmpty();
        assertThat(flagWins.exitCode()).as(flagWins.toString()).isZero();
    }

    @Test
    void aDatabaseThatRefusesTheLoginExitsOneNamingIt() {
        Cli.Result result = audit("--inventory-db-password", "wrong");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("error: cannot reach the inventory database at " + inventoryDb.jdbcUrl() + ": ")
                .contains("password authentication failed for user \"inventory_service\"");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseExitsOneNamingIt() {
        String nowhere = "jdbc:postgresql://localhost:1/payments";

        Cli.Result result = audit(Map.of("--payments-db", nowhere));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("error: cannot reach the payments database at " + nowhere + ": Connection to"
                + " localhost:1 refused");
    }

    @Test
    void theSessionIsReadOnlyAndBoundedByTheTimeout() {
        DatabaseTarget target = new DatabaseTarget("inventory", inventoryDb.jdbcUrl(), inventoryDb.username(),
                inventoryDb.password());
        try (Database database = Database.open(target, Duration.ofSeconds(1))) {
            assertThat(show(database, "transaction_read_only")).isEqualTo("on");
            assertThat(show(database, "statement_timeout")).isEqualTo("1s");
            assertThatThrownBy(() -> database.query("write a product",
                    "INSERT INTO products VALUES ('X', 'x', 1, 0, 0, 0, now(), now()) RETURNING sku", s -> { }, rows -> null))
                    .isInstanceOf(OpsException.class)
                    .hasMessageContaining("the inventory database could not write a product: ")
                    .hasMessageContaining("read-only transaction");
            assertThatThrownBy(() -> database.query("sleep", "SELECT pg_sleep(3)", s -> { }, rows -> null))
                    .isInstanceOf(OpsException.class)
                    .hasMessage("the inventory database did not sleep within 1s (--timeout)");
        }
    }

    /** Exit 5, and exactly one violation: the order (its id and status) and the problem given. */
    private static void assertOnlyViolation(Cli.Result result, UUID orderId, String status, String problem) {
        assertViolations(result, orderId, status, problem);
    }

    /** Exit 5, and exactly these violations, all of one order (its id and status). */
    private static void assertViolations(Cli.Result result, UUID orderId, String status, String... problems) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INCONSISTENT);
        assertThat(result.out()).contains("INCONSISTENT: " + problems.length + " violation");
        String row = orderId + "  " + (status == null ? "-" : status);
        assertThat(result.out().lines().filter(line -> line.startsWith(row)).map(line -> line.substring(row.length()).trim()))
                .as(result.toString())
                .containsExactlyInAnyOrder(problems);
    }

    /** The provider's refund of the order's capture, as its reporting API lists it. */
    private String refundIdOf(UUID orderId) {
        return new ProviderApi(provider.url(), Duration.ofSeconds(5)).capture(orderId).orElseThrow().refundId();
    }

    /** URLs and users as flags, passwords from the environment, as the help recommends. */
    private Cli.Result audit(String... extra) {
        return audit(Map.of(), extra);
    }

    /** @param replaced flags whose value replaces the test's own, e.g. another --payments-db */
    private Cli.Result audit(Map<String, String> replaced, String... extra) {
        return audit(replaced, Map.of(), extra);
    }

    /**
     * @param env environment beside the passwords; the provider's URL is a flag unless the environment names it
     */
    private Cli.Result audit(Map<String, String> replaced, Map<String, String> env, String... extra) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (!env.containsKey("ORDERSAGA_PROVIDER_URL")) {
            flags.put("--provider-url", provider.url().toString());
        }
        flags.put("--orders-db", ordersDb.jdbcUrl());
        flags.put("--orders-db-user", ordersDb.username());
        flags.put("--inventory-db", inventoryDb.jdbcUrl());
        flags.put("--inventory-db-user", inventoryDb.username());
        flags.put("--payments-db", paymentsDb.jdbcUrl());
        flags.put("--payments-db-user", paymentsDb.username());
        flags.putAll(replaced);
        List<String> args = new ArrayList<>(List.of("audit"));
        flags.forEach((flag, value) -> args.addAll(List.of(flag, value)));
        args.addAll(List.of(extra));
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put("ORDERSAGA_ORDERS_DB_PASSWORD", ordersDb.password());
        environment.put("ORDERSAGA_INVENTORY_DB_PASSWORD", inventoryDb.password());
        environment.put("ORDERSAGA_PAYMENTS_DB_PASSWORD", paymentsDb.password());
        return Cli.now().withEnv(environment).run(args.toArray(String[]::new));
    }

    private static JsonNode json(Cli.Result result) {
        try {
            return Json.mapper().readTree(result.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + result, e);
        }
    }

    private static String show(Database database, String setting) {
        return database.query("show " + setting, "SHOW " + setting, statement -> { }, rows -> {
            rows.next();
            return rows.getString(1);
        });
    }
}
