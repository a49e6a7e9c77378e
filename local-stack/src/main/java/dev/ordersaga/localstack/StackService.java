package dev.ordersaga.localstack;

import java.util.Arrays;

/**
 * The catalogue of the stack's services: module name (also the jar's name), default HTTP port,
 * and the database and role each one owns. The password of a role is its name: these credentials
 * are for the local stack only.
 */
public enum StackService {

    ORDER_SERVICE("order-service", 8081, "orders", "order_service"),
    INVENTORY_SERVICE("inventory-service", 8082, "inventory", "inventory_service"),
    PAYMENT_SERVICE("payment-service", 8083, "payments", "payment_service"),
    SAGA_ORCHESTRATOR("saga-orchestrator", 8084, "sagas", "saga_orchestrator");

    private final String moduleName;
    private final int defaultPort;
    private final String database;
    private final String role;

    StackService(String moduleName, int defaultPort, String database, String role) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
        this.role = role;
    }

    /** The Maven module, e.g. {@code order-service}; also the name the stack knows the service by. */
    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    public String role() {
        return role;
    }

    public String password() {
        return role;
    }

    /** The service with this module name, e.g. {@code payment-service}. */
    public static StackService byName(String moduleName) {
        return Arrays.stream(values())
                .filter(service -> service.moduleName.equals(moduleName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service named " + moduleName
                        + "; the services are " + Arrays.stream(values()).map(StackService::moduleName).toList()));
    }
}
