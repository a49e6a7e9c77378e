package dev.ordersaga.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
