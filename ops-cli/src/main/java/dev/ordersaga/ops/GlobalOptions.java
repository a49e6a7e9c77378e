package dev.ordersaga.ops;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after its name; values come from flags, else the environment. */
public final class GlobalOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
            defaultValue = "${env:ORDERSAGA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers, default ${DEFAULT-VALUE} (or env ORDERSAGA_BOOTSTRAP_SERVERS).")
    private String bootstrapServers;

    @Option(names = "--orchestrator-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:ORDERSAGA_ORCHESTRATOR_URL:-http://localhost:8084}",
            description = "saga-orchestrator base URL, default ${DEFAULT-VALUE} (or env ORDERSAGA_ORCHESTRATOR_URL).")
    private URI orchestratorUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "10s",
            converter = Durations.Converter.class,
            description = "How long to wait for Kafka, the orchestrator, or a database to connect or answer a query,"
                    + " default ${DEFAULT-VALUE} (e.g. 5s, 1m, PT30S).")
    private Duration timeout;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces of failures and the Kafka client's warnings.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean help;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public URI orchestratorUrl() {
        return orchestratorUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Shown in messages: {@code 10s}. */
    public String timeoutText() {
        return Durations.format(timeout);
    }
}
