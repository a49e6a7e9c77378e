package dev.ordersaga.ops.audit;

import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.OpsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A read-only session on one audited database: the session refuses writes, and every statement is bounded by
 * {@code --timeout} on the server ({@code statement_timeout}). Each query runs in its own snapshot (autocommit):
 * keyset pages need no common snapshot, and a long audit holds no transaction open on a service's database.
 */
final class Database implements AutoCloseable {

    private static final String QUERY_CANCELED = "57014";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private final DatabaseTarget target;
    private final Duration timeout;
    private final Connection connection;

    private Database(DatabaseTarget target, Duration timeout, Connection connection) {
        this.target = target;
        this.timeout = timeout;
        this.connection = connection;
    }

    /** @throws OpsException "cannot reach the orders database at URL: reason" (exit code 1) */
    static Database open(DatabaseTarget target, Duration timeout) {
        Connection connection = null;
        try {
            connection = new Driver().connect(target.url(), properties(target, timeout));
            if (connection == null) {
                throw new SQLException("not a PostgreSQL JDBC URL");
            }
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET statement_timeout = " + timeout.toMillis());
            }
            return new Database(target, timeout, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw OpsException.failure("cannot reach the " + target.name() + " database at " + target.url() + ": "
                    + reason(e), e);
        }
    }

    private static Properties properties(DatabaseTarget target, Duration timeout) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        // The server cancels a slow statement after --timeout; this only ends a read from a server that went away.
        properties.setProperty("socketTimeout", Integer.toString(seconds + 30));
        // setReadOnly alone only marks transactions the driver begins; in autocommit "always" makes the session read-only.
        properties.setProperty("readOnlyMode", "always");
        properties.setProperty("ApplicationName", "ops-cli audit");
        return properties;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns a whole result into one value, e.g. rows grouped by order. */
    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * @param what what is read, for the message of a failure: {@code read orders}
     * @throws OpsException when the statement fails or exceeds {@code --timeout} (exit code 1)
     */
    <T> T query(String what, String sql, Binder binder, ResultReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private OpsException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(QUERY_CANCELED)) {
            return OpsException.failure("the " + target.name() + " database did not " + what + " within "
                    + Durations.format(timeout) + " (--timeout)", e);
        }
        if (state.startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return OpsException.failure("lost the connection to the " + target.name() + " database at " + target.url()
                    + ": " + reason(e), e);
        }
        return OpsException.failure("the " + target.name() + " database could not " + what + ": " + reason(e), e);
    }

    /** The driver's message, and its cause's when it adds something ("The connection attempt failed." says little). */
    private static String reason(SQLException e) {
        Throwable cause = e.getCause();
        if (cause == null || cause.getMessage() == null || String.valueOf(e.getMessage()).contains(cause.getMessage())) {
            return String.valueOf(e.getMessage());
        }
        return e.getMessage() + " (" + cause + ")";
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Only reads happened; nothing is lost by a failed close.
            }
        }
    }
}
