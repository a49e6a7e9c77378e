package dev.ordersaga.messaging.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relay leadership: a PostgreSQL session advisory lock held on a dedicated connection, outside the
 * connection pool because it lives as long as the leadership. PostgreSQL releases the lock when that
 * session ends, so losing the connection means losing leadership. Only the supervisor thread uses it.
 */
final class LeaderLock {

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;
    private static final int MAX_APPLICATION_NAME_LENGTH = 63;

    private final RelayDatabase database;
    private final long key;
    private final String applicationName;
    private Connection connection;

    LeaderLock(RelayDatabase database, long key, String slotName) {
        this.database = database;
        this.key = key;
        String name = "outbox-relay-leader " + slotName;
        this.applicationName = name.length() > MAX_APPLICATION_NAME_LENGTH ? name.substring(0, MAX_APPLICATION_NAME_LENGTH) : name;
    }

    /** The {@code application_name} of the lock's session, which shows it in {@code pg_stat_activity}. */
    String applicationName() {
        return applicationName;
    }

    /** @return true when this process now holds the lock; false when another does or the database is unreachable */
    boolean tryAcquire() {
        try {
            if (!isHeldConnectionValid()) {
                closeConnection();
                connection = open();
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            log.debug("Could not try the relay leader lock on {}", database, e);
            closeConnection();
            return false;
        }
    }

    /** Whether the session that took the lock is still alive, and so still holds it. */
    boolean isHeld() {
        return isHeldConnectionValid();
    }

    void release() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            log.debug("Could not unlock the relay leader lock; closing its session releases it", e);
        } finally {
            closeConnection();
        }
    }

    private boolean isHeldConnectionValid() {
        try {
            return connection != null && connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the relay leader lock connection failed", e);
        }
        connection = null;
    }
}
