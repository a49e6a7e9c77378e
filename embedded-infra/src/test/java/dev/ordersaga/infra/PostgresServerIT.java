package dev.ordersaga.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDatabasesInAGivenDataDirectoryAcrossRestarts() throws SQLException {
        try (PostgresServer first = PostgresServer.start(0, dataDirectory)) {
            ServiceDatabase database = first.createDatabase("kept", "keeper", "secret");
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (text varchar(20))");
                statement.execute("INSERT INTO note VALUES ('survives')");
            }
        }

        try (PostgresServer second = PostgresServer.start(0, dataDirectory)) {
            ServiceDatabase again = second.createDatabase("kept", "keeper", "secret");
            try (Connection connection = connect(again)) {
                assertThat(TestInfrastructureIT.queryString(connection, "SELECT text FROM note")).isEqualTo("survives");
            }
        }
    }

    @Test
    void listensOnTheRequestedPort() throws Exception {
        int port = FreePorts.find();

        try (PostgresServer server = PostgresServer.start(port, null)) {
            assertThat(server.port()).isEqualTo(port);
            try (Connection connection = DriverManager.getConnection(server.superuserJdbcUrl())) {
                assertThat(TestInfrastructureIT.queryString(connection, "SELECT inet_server_port()"))
                        .isEqualTo(Integer.toString(port));
            }
        }
    }

    @Test
    void runsWithSynchronousCommitAndTheTunedSettingsAndTakesOverridesFromTheCaller() throws SQLException {
        try (PostgresServer server = PostgresServer.start(0, null, true, Map.of("commit_delay", "100", "fsync", "on"))) {
            try (Connection connection = DriverManager.getConnection(server.superuserJdbcUrl())) {
                assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(show(connection, "shared_buffers")).isEqualTo("256MB");
                assertThat(show(connection, "wal_buffers")).isEqualTo("16MB");
                assertThat(show(connection, "max_wal_size")).isEqualTo("2GB");
                assertThat(show(connection, "checkpoint_timeout")).isEqualTo("15min");
                assertThat(show(connection, "commit_delay")).isEqualTo("100");
                // zonky starts the server with -F (fsync off); a caller's setting still wins over that.
                assertThat(show(connection, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void leavesFsyncOffAsZonkyStartsIt() throws SQLException {
        try (PostgresServer server = PostgresServer.start(0, null)) {
            try (Connection connection = DriverManager.getConnection(server.superuserJdbcUrl())) {
                assertThat(show(connection, "fsync")).isEqualTo("off");
            }
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        return TestInfrastructureIT.queryString(connection, "SHOW " + setting);
    }

    private static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
