package dev.ordersaga.messaging.relay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the relay connects: the service's own database, from its {@code spring.datasource} settings.
 * Only single-host {@code jdbc:postgresql://host[:port]/database} URLs are supported, because
 * Debezium connects to one host by name and port.
 */
record RelayDatabase(String jdbcUrl, String host, int port, String database, String username, String password) {

    private static final int DEFAULT_PORT = 5432;
    private static final Pattern URL =
            Pattern.compile("jdbc:postgresql://(\\[[0-9a-fA-F:.]+]|[^/:,?\\[\\]]+)(?::(\\d+))?/([^/?;&]+)([?;].*)?");

    static RelayDatabase of(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("The relay needs spring.datasource.url");
        }
        Matcher url = URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException(
                    "The relay needs a single-host jdbc:postgresql://host[:port]/database URL, not " + jdbcUrl);
        }
        int port = url.group(2) == null ? DEFAULT_PORT : Integer.parseInt(url.group(2));
        return new RelayDatabase(jdbcUrl, url.group(1), port, url.group(3), username, password);
    }

    @Override
    public String toString() {
        // Keep the password out of logs.
        return "RelayDatabase[host=" + host + ", port=" + port + ", database=" + database + ", username=" + username + "]";
    }
}
