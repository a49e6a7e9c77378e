package dev.ordersaga.localstack;

import dev.ordersaga.infra.ServiceDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table of addresses printed once the stack is up. */
final class EndpointTable {

    private EndpointTable() {
    }

    static String format(Endpoints endpoints, Path dataDirectory, Path logDirectory) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"COMPONENT", "ADDRESS", "DETAILS"});
        rows.add(new String[] {"Kafka", endpoints.kafkaBootstrapServers(), "bootstrap servers"});
        rows.add(new String[] {"PostgreSQL", "jdbc:postgresql://localhost:" + endpoints.postgresPort(),
                "superuser postgres (no password on loopback)"});
        rows.add(new String[] {"payment provider", endpoints.paymentProviderUrl().toString(),
                "simulator; PUT /admin/behaviour injects latency, failures and declines"});
        for (StackService service : StackService.values()) {
            if (endpoints.serviceUrl(service) == null) {
                continue;
            }
            ServiceDatabase database = endpoints.databases().get(service);
            rows.add(new String[] {service.moduleName(), endpoints.serviceUrl(service).toString(),
                    "db " + database.database() + ", role/password " + database.username() + "/" + database.password()});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append("  ")
                    .append(pad(row[0], widths[0])).append("  ")
                    .append(pad(row[1], widths[1])).append("  ")
                    .append(row[2]).append(System.lineSeparator());
        }
        table.append("  Data directory: ").append(dataDirectory).append(System.lineSeparator());
        table.append("  Service logs:   ").append(logDirectory).append(System.lineSeparator());
        return table.toString();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
