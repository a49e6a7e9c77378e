package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.ops.Cli;
import dev.ordersaga.ops.ExitCodes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line of {@code audit} up to the first connection; the audit itself is in AuditIT. */
class AuditCommandTest {

    // Nothing listens on port 1: the connection is refused at once.
    private static final String NOWHERE = "jdbc:postgresql://localhost:1/orders";

    private final Cli cli = Cli.now();

    @Test
    void anUnreachableDatabaseExitsOneNamingItAndWhy() {
        Cli.Result result = cli.run("audit", "--orders-db", NOWHERE, "--timeout", "2s");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("error: cannot reach the orders database at " + NOWHERE + ": Connection to"
                + " localhost:1 refused");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theDatabaseComesFromTheEnvironmentUnlessAFlagNamesIt() {
        Cli fromEnv = cli.withEnv(Map.of("ORDERSAGA_ORDERS_DB_URL", "jdbc:postgresql://localhost:1/from-env"));

        assertThat(fromEnv.run("audit", "--timeout", "2s").err())
                .startsWith("error: cannot reach the orders database at jdbc:postgresql://localhost:1/from-env: ");
        assertThat(fromEnv.run("audit", "--orders-db", NOWHERE, "--timeout", "2s").err())
                .startsWith("error: cannot reach the orders database at " + NOWHERE + ": ");
    }

    @Test
    void aUrlThatIsNotPostgresExitsTwo() {
        Cli.Result result = cli.run("audit", "--inventory-db", "jdbc:mysql://localhost/inventory");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("the inventory database must be a PostgreSQL JDBC URL"
                + " (jdbc:postgresql://HOST:PORT/DATABASE): jdbc:mysql://localhost/inventory");
    }

    @Test
    void aProviderUrlThatIsNotHttpExitsTwoWhetherItComesFromTheFlagOrTheEnvironment() {
        Cli fromEnv = cli.withEnv(Map.of("ORDERSAGA_PROVIDER_URL", "localhost:8090"));

        Cli.Result env = fromEnv.run("audit");
        Cli.Result flag = fromEnv.run("audit", "--provider-url", "ftp://psp/reports");

        assertThat(env.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(env.err()).startsWith("the payment provider's URL must be an http(s) URL (http://HOST:PORT):"
                + " localhost:8090");
        assertThat(flag.err()).startsWith("the payment provider's URL must be an http(s) URL (http://HOST:PORT):"
                + " ftp://psp/reports");
    }

    @Test
    void outOfRangeValuesExitTwo() {
        assertThat(cli.run("audit", "--limit", "0").err()).startsWith("--limit must be at least 1");
        assertThat(cli.run("audit", "--batch-size", "0").err()).startsWith("--batch-size must be at least 1");
        assertThat(cli.run("audit", "--settle-after", "PT-5M").err()).startsWith("--settle-after must not be negative");
        assertThat(cli.run("audit", "--since", "yesterday").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpDocumentsTheRulesTheConnectionsAndExitCodeFive() {
        Cli.Result result = cli.run("audit", "--help");

        assertThat(result.out()).contains("--orders-db=JDBC_URL", "ORDERSAGA_ORDERS_DB_URL", "--inventory-db-user=USER",
                "ORDERSAGA_PAYMENTS_DB_PASSWORD", "--provider-url=URL", "ORDERSAGA_PROVIDER_URL", "GET /v1/charges",
                "--since=T", "--settle-after=DURATION", "--limit=N", "--json",
                "tombstones", "5   inconsistent: at least one violation", "ops.sh audit --since 24h");
    }
}
