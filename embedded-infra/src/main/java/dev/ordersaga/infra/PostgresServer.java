package dev.ordersaga.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server from zonky's embedded binaries, configured for logical replication
 * (Debezium's pgoutput) and for one database per service.
 *
 * <p>Authentication: the {@code postgres} superuser connects over loopback without a password
 * (zonky's own readiness probe needs that, and this server is for local development and tests);
 * every other role must give its password (scram-sha-256). Each service database refuses
 * connections from any role but its owner, so no service can read another's data.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Logical replication for the outbox relays, and a commit that is durable before it returns; sized for
     * a small machine that commits a few thousand small transactions a second (ADR 0015).
     */
    static final Map<String, String> SERVER_SETTINGS = Map.ofEntries(
            Map.entry("wal_level", "logical"),
            // ON, never off: a listener commits its Kafka offset after its transaction, so a commit that a
            // crash loses would be a message consumed with no effect and no reply; and a provider charge's
            // record must survive once the provider has taken the money (ADR 0015).
            Map.entry("synchronous_commit", "on"),
            Map.entry("max_replication_slots", "20"),
            Map.entry("max_wal_senders", "20"),
            Map.entry("max_connections", "300"),
            // The services' working set is a few MB; 256 MB keeps every table, index and the recent WAL
            // that the walsenders decode in PostgreSQL's own cache (default 128 MB).
            Map.entry("shared_buffers", "256MB"),
            // The largest automatic size: a burst of commits never waits for WAL buffer space (default
            // 1/32 of shared_buffers, 8 MB here).
            Map.entry("wal_buffers", "16MB"),
            // Fewer checkpoints under load, so fewer full-page images after each: a benchmark of minutes
            // sees at most one checkpoint instead of one per GB of WAL or per 5 minutes.
            Map.entry("max_wal_size", "2GB"),
            Map.entry("checkpoint_timeout", "15min"));

    private static final String PG_HBA = """
            # Written by dev.ordersaga.infra.PostgresServer on every start.
            local all all trust
            host  all postgres 127.0.0.1/32 trust
            host  all postgres ::1/128      trust
            host  all all      127.0.0.1/32 scram-sha-256
            host  all all      ::1/128      scram-sha-256
            host  replication all 127.0.0.1/32 scram-sha-256
            host  replication all ::1/128      scram-sha-256
            """;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server that also stops when the JVM exits, so a forgotten {@link #close()} leaves no
     * postgres process behind.
     *
     * @param port          the port to listen on, 0 for a free one
     * @param dataDirectory where the cluster lives; an existing cluster there is reused and kept on
     *                      close. Null for a temporary directory that is deleted on close.
     */
    public static PostgresServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, true);
    }

    /**
     * Starts a server.
     *
     * @param stopOnJvmExit false when the caller stops the server itself at JVM exit, in its own
     *                      order (the local stack stops the services that use it first)
     * @see #start(int, Path)
     */
    public static PostgresServer start(int port, Path dataDirectory, boolean stopOnJvmExit) {
        return start(port, dataDirectory, stopOnJvmExit, Map.of());
    }

    /**
     * Starts a server with settings of its own on top of {@link #SERVER_SETTINGS}, e.g. to try
     * {@code commit_delay} in a benchmark.
     *
     * @param settings PostgreSQL configuration parameters by name; they override the defaults
     * @see #start(int, Path, boolean)
     */
    public static PostgresServer start(int port, Path dataDirectory, boolean stopOnJvmExit, Map<String, String> settings) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(stopOnJvmExit)
                .setDataDirectoryCustomizer(PostgresServer::writeHostBasedAuthentication);
        SERVER_SETTINGS.forEach(builder::setServerConfig);
        settings.forEach(builder::setServerConfig);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            PostgresServer server = new PostgresServer(builder.start());
            log.info("PostgreSQL started on port {}", server.port());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the {@code postgres} database as the superuser, which needs no password on loopback. */
    public String superuserJdbcUrl() {
        return jdbcUrl("postgres") + "?user=" + SUPERUSER;
    }

    /** JDBC URL of a database on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Creates, or brings back to the described state, a login role with the REPLICATION attribute
     * (Debezium needs it) and a database owned by it that only this role may connect to.
     * Safe to call again with the same arguments; a new password replaces the old one.
     */
    public ServiceDatabase createDatabase(String database, String role, String password) {
        requireIdentifier(database, "database");
        requireIdentifier(role, "role");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl());
                Statement statement = connection.createStatement()) {
            String roleAttributes = " LOGIN REPLICATION PASSWORD " + quoteLiteral(password);
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                statement.execute("ALTER ROLE " + role + roleAttributes);
            } else {
                statement.execute("CREATE ROLE " + role + roleAttributes);
            }
            if (exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("ALTER DATABASE " + database + " OWNER TO " + role);
            } else {
                statement.execute("CREATE DATABASE " + database + " OWNER " + role);
            }
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " for role " + role, e);
        }
        return new ServiceDatabase(jdbcUrl(database), role, password, database);
    }

    /** Stops the server; deletes its data directory only if it was a temporary one. Idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    // DDL takes no bind parameters, so names are restricted to plain lower-case identifiers.
    private static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier: " + name);
        }
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void writeHostBasedAuthentication(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDirectory, e);
        }
    }
}
