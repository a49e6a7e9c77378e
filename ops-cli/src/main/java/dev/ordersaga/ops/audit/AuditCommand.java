package dev.ordersaga.ops.audit;

import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.ExitCodes;
import dev.ordersaga.ops.GlobalOptions;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.OpsCli;
import dev.ordersaga.ops.OpsContext;
import dev.ordersaga.ops.TimeBound;
import dev.ordersaga.ops.audit.DatabaseTarget.Known;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops.sh audit}: the cross-database consistency check. */
@Command(
        name = "audit",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Checks that the orders, inventory and payments databases agree, reading them directly (read-only), and"
                    + " that the payments agree with the payment provider's books (its reporting API, GET /v1/charges):",
            "  APPROVED orders: exactly one CHARGED payment of the order's total and currency, and a CONFIRMED"
                    + " reservation of exactly the order's lines (quantity per SKU).",
            "  REJECTED and CANCELLED orders: no net charge (no payment, or DECLINED or REFUNDED) and no stock held"
                    + " (no reservation, or RELEASED).",
            "  PENDING and CANCELLING orders: in flight while younger than --settle-after (not checked), then a"
                    + " warning 'not settled'.",
            "  Payments and reservations of orders that do not exist: violations, except tombstones (a payment or"
                    + " reservation recording that the order was closed before it was charged or reserved).",
            "  Stock, per product: reserved = the quantity on RESERVED reservations, sold = on CONFIRMED ones; no"
                    + " negative counter.",
            "  The provider, per order: a capture it still holds is the order's CHARGED payment (same charge id,"
                    + " amount, currency); a refunded capture is behind no CHARGED payment; a CHARGED payment has its"
                    + " capture there. Every capture is listed; --since and settle-after apply through its order.",
            "Each database is read in pages sorted by order id and merge-joined in memory: memory stays small"
                    + " whatever the number of orders (the provider's captures cost a few dozen bytes each)."
                    + " Violations exit 5; warnings alone do not.",
            "Pass passwords through the environment rather than flags, which other users can see in the process list."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:consistent (there may be warnings)",
            "1:a database or the payment provider is unreachable, refused the login, or a query failed or exceeded"
                    + " --timeout",
            "2:invalid command line",
            "5:inconsistent: at least one violation"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ops.sh audit",
            "  ops.sh audit --since 24h --settle-after 10m",
            "  ops.sh audit --since 2025-06-01T00:00:00Z --json | jq '.violations[]'",
            "  ORDERSAGA_ORDERS_DB_PASSWORD=... ops.sh audit --orders-db jdbc:postgresql://db1/orders",
            "  ops.sh audit --provider-url https://psp.internal:8443",
            "  ops.sh audit --batch-size 5000 --timeout 1m"
        })
public final class AuditCommand implements Callable<Integer> {

    static final int DEFAULT_BATCH_SIZE = 1000;
    static final String DEFAULT_PROVIDER_URL = "http://localhost:8090";
    static final String PROVIDER_URL_ENV = "ORDERSAGA_PROVIDER_URL";

    @Spec
    private CommandSpec spec;

    @Option(names = "--since", paramLabel = "T", converter = TimeBound.Converter.class,
            description = "Only orders created at or after T: an ISO-8601 instant (2025-06-01T10:00:00Z) or a duration"
                    + " meaning ago (24h, PT1H). Default: every order. Stock is always checked whole.")
    private TimeBound since;

    @Option(names = "--settle-after", paramLabel = "DURATION", defaultValue = "5m", converter = Durations.Converter.class,
            description = "How long an order may be PENDING or CANCELLING (and an APPROVED order's reservation still"
                    + " RESERVED) before it is reported, default ${DEFAULT-VALUE}.")
    private Duration settleAfter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "List at most N violations and N warnings (all are counted), default ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + DEFAULT_BATCH_SIZE,
            description = "Rows per query, default ${DEFAULT-VALUE}.")
    private int batchSize;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Option(names = "--orders-db", paramLabel = "JDBC_URL",
            description = "The orders database, default jdbc:postgresql://localhost:5432/orders (or env ORDERSAGA_ORDERS_DB_URL).")
    private String ordersUrl;

    @Option(names = "--orders-db-user", paramLabel = "USER",
            description = "Default order_service (or env ORDERSAGA_ORDERS_DB_USER).")
    private String ordersUser;

    @Option(names = "--orders-db-password", paramLabel = "PASSWORD",
            description = "Default order_service (or env ORDERSAGA_ORDERS_DB_PASSWORD).")
    private String ordersPassword;

    @Option(names = "--inventory-db", paramLabel = "JDBC_URL",
            description = "The inventory database, default jdbc:postgresql://localhost:5432/inventory (or env"
                    + " ORDERSAGA_INVENTORY_DB_URL).")
    private String inventoryUrl;

    @Option(names = "--inventory-db-user", paramLabel = "USER",
            description = "Default inventory_service (or env ORDERSAGA_INVENTORY_DB_USER).")
    private String inventoryUser;

    @Option(names = "--inventory-db-password", paramLabel = "PASSWORD",
            description = "Default inventory_service (or env ORDERSAGA_INVENTORY_DB_PASSWORD).")
    private String inventoryPassword;

    @Option(names = "--payments-db", paramLabel = "JDBC_URL",
            description = "The payments database, default jdbc:postgresql://localhost:5432/payments (or env"
                    + " ORDERSAGA_PAYMENTS_DB_URL).")
    private String paymentsUrl;

    @Option(names = "--payments-db-user", paramLabel = "USER",
            description = "Default payment_service (or env ORDERSAGA_PAYMENTS_DB_USER).")
    private String paymentsUser;

    @Option(names = "--payments-db-password", paramLabel = "PASSWORD",
            description = "Default payment_service (or env ORDERSAGA_PAYMENTS_DB_PASSWORD).")
    private String paymentsPassword;

    @Option(names = "--provider-url", paramLabel = "URL",
            description = "The payment provider's API, default " + DEFAULT_PROVIDER_URL + " (or env "
                    + PROVIDER_URL_ENV + ").")
    private String providerUrl;

    @Override
    public Integer call() {
        validate();
        OpsCli cli = OpsCli.of(spec);
        OpsContext context = cli.context();
        Targets targets = targets(context);
        URI provider = providerUrl(context);
        Instant now = context.clock().instant();
        AuditScope scope = new AuditScope(now, since == null ? null : since.resolve(context.clock()), settleAfter, limit);
        AuditReport report;
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions global = cli.global();
        try (Database orders = Database.open(targets.orders(), global.timeout());
                Database inventory = Database.open(targets.inventory(), global.timeout());
                Database payments = Database.open(targets.payments(), global.timeout())) {
            Audit audit = new Audit(new OrdersDatabase(orders), new InventoryDatabase(inventory),
                    new PaymentsDatabase(payments), new ProviderApi(provider, global.timeout()), batchSize,
                    progress(err, context.interactive()));
            report = audit.run(scope);
        } finally {
            clearProgress(err, context.interactive());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(AuditFormat.json(report)) + "\n" : AuditFormat.text(report));
        out.flush();
        return report.consistent() ? ExitCodes.OK : ExitCodes.INCONSISTENT;
    }

    private void validate() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        if (settleAfter.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--settle-after must not be negative");
        }
    }

    private record Targets(DatabaseTarget orders, DatabaseTarget inventory, DatabaseTarget payments) {
    }

    /** From the flags, else the environment, else the local stack's. */
    private Targets targets(OpsContext context) {
        Targets targets = new Targets(
                Known.ORDERS.resolve(ordersUrl, ordersUser, ordersPassword, context.env()),
                Known.INVENTORY.resolve(inventoryUrl, inventoryUser, inventoryPassword, context.env()),
                Known.PAYMENTS.resolve(paymentsUrl, paymentsUser, paymentsPassword, context.env()));
        for (DatabaseTarget target : List.of(targets.orders(), targets.inventory(), targets.payments())) {
            if (!target.isPostgresUrl()) {
                throw new ParameterException(spec.commandLine(), "the " + target.name() + " database must be a"
                        + " PostgreSQL JDBC URL (" + DatabaseTarget.URL_PREFIX + "//HOST:PORT/DATABASE): " + target.url());
            }
        }
        return targets;
    }

    /** From the flag, else the environment, else the local stack's; an http(s) URL. */
    private URI providerUrl(OpsContext context) {
        String value = Stream.of(providerUrl, context.env().get(PROVIDER_URL_ENV), DEFAULT_PROVIDER_URL)
                .filter(candidate -> candidate != null && !candidate.isBlank()).findFirst().orElseThrow();
        try {
            URI url = new URI(value);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException invalid) {
            // Reported below.
        }
        throw new ParameterException(spec.commandLine(),
                "the payment provider's URL must be an http(s) URL (http://HOST:PORT): " + value);
    }

    /** For a person watching: how far the audit got, redrawn in place on stderr after each page of orders. */
    private static LongConsumer progress(PrintWriter err, boolean interactive) {
        if (!interactive) {
            return orders -> { };
        }
        return orders -> {
            err.print("\raudited " + orders + " orders...");
            err.flush();
        };
    }

    private static void clearProgress(PrintWriter err, boolean interactive) {
        if (interactive) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
