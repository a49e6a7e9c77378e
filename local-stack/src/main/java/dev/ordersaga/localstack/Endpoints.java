package dev.ordersaga.localstack;

import dev.ordersaga.infra.ServiceDatabase;
import java.net.URI;
import java.util.Map;

/**
 * Where a started stack can be reached.
 *
 * @param kafkaBootstrapServers {@code host:port} for Kafka clients
 * @param postgresPort          the PostgreSQL server's port
 * @param serviceUrls           each service's base URL, e.g. {@code http://localhost:8081}
 * @param databases             each service's database and credentials
 * @param paymentProviderUrl    the simulated payment provider's base URL
 */
public record Endpoints(
        String kafkaBootstrapServers,
        int postgresPort,
        Map<StackService, URI> serviceUrls,
        Map<StackService, ServiceDatabase> databases,
        URI paymentProviderUrl) {

    public Endpoints {
        serviceUrls = Map.copyOf(serviceUrls);
        databases = Map.copyOf(databases);
    }

    public URI serviceUrl(StackService service) {
        return serviceUrls.get(service);
    }

    public URI orderServiceUrl() {
        return serviceUrl(StackService.ORDER_SERVICE);
    }

    public URI inventoryServiceUrl() {
        return serviceUrl(StackService.INVENTORY_SERVICE);
    }

    public URI paymentServiceUrl() {
        return serviceUrl(StackService.PAYMENT_SERVICE);
    }

    public URI sagaOrchestratorUrl() {
        return serviceUrl(StackService.SAGA_ORCHESTRATOR);
    }
}
