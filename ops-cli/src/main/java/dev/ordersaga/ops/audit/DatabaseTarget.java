package dev.ordersaga.ops.audit;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Where one of the audited databases is and who to log in as: a flag, else the environment variable, else the
 * local stack's value.
 *
 * @param name the database's name in messages: {@code the orders database}
 */
record DatabaseTarget(String name, String url, String user, String password) {

    static final String URL_PREFIX = "jdbc:postgresql:";

    /** The three databases and their local-stack defaults (each role's password is its name there). */
    enum Known {
        ORDERS("orders", "ORDERSAGA_ORDERS_DB", "jdbc:postgresql://localhost:5432/orders", "order_service"),
        INVENTORY("inventory", "ORDERSAGA_INVENTORY_DB", "jdbc:postgresql://localhost:5432/inventory", "inventory_service"),
        PAYMENTS("payments", "ORDERSAGA_PAYMENTS_DB", "jdbc:postgresql://localhost:5432/payments", "payment_service");

        private final String name;
        private final String envPrefix;
        private final String defaultUrl;
        private final String defaultUser;

        Known(String name, String envPrefix, String defaultUrl, String defaultUser) {
            this.name = name;
            this.envPrefix = envPrefix;
            this.defaultUrl = defaultUrl;
            this.defaultUser = defaultUser;
        }

        DatabaseTarget resolve(String url, String user, String password, Map<String, String> env) {
            return new DatabaseTarget(name,
                    first(url, env.get(envPrefix + "_URL"), defaultUrl),
                    first(user, env.get(envPrefix + "_USER"), defaultUser),
                    first(password, env.get(envPrefix + "_PASSWORD"), defaultUser));
        }

        private static String first(String... candidates) {
            return Stream.of(candidates).filter(value -> value != null && !value.isBlank()).findFirst().orElseThrow();
        }
    }

    boolean isPostgresUrl() {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public String toString() {
        // Keep the password out of messages and stack traces.
        return "the " + name + " database at " + url + " as " + user;
    }
}
