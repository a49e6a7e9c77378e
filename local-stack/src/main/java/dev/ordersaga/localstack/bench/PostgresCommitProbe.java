package dev.ordersaga.localstack.bench;

import dev.ordersaga.infra.ServiceDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many transactions/s the stack's PostgreSQL commits with a saga's commit shape: 8 clients,
 * synchronous commit on (the server's setting, which the stack keeps), each transaction two
 * ~100-byte inserts, into a scratch table of a scratch database of the same cluster, so the
 * services' walsenders decode these commits too, as they do the saga's.
 */
final class PostgresCommitProbe {

    static final int CLIENTS = 8;
    private static final String PAYLOAD = "x".repeat(100);

    private final ServiceDatabase database;
    private final Duration duration;

    PostgresCommitProbe(ServiceDatabase database, Duration duration) {
        this.database = database;
        this.duration = duration;
    }

    double commitsPerSecond() throws InterruptedException {
        try (Connection setup = connect(); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS commit_probe");
            statement.execute("CREATE TABLE commit_probe (id bigserial PRIMARY KEY, client int NOT NULL, payload text NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the PostgreSQL commit probe", e);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<Long>> commits = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                commits.add(clients.submit(() -> commitUntil(id, deadline)));
            }
            long total = 0;
            for (Future<Long> count : commits) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The PostgreSQL commit probe failed", e.getCause());
        } finally {
            clients.shutdownNow();
            dropTable();
        }
    }

    private long commitUntil(int client, long deadline) throws SQLException {
        long commits = 0;
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_probe (client, payload) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < deadline) {
                for (int row = 0; row < 2; row++) {
                    insert.setInt(1, client);
                    insert.setString(2, PAYLOAD);
                    insert.executeUpdate();
                }
                connection.commit();
                commits++;
            }
        }
        return commits;
    }

    private void dropTable() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS commit_probe");
        } catch (SQLException e) {
            // Only a scratch table is left behind, in a scratch database.
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
