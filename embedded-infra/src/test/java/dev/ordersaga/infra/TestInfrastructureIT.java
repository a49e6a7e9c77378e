package dev.ordersaga.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestInfrastructureIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void serviceRoleConnectsToItsOwnDatabase() throws SQLException {
        ServiceDatabase orders = infrastructure.database("it_orders", "it_order_service");

        try (Connection connection = connect(orders)) {
            assertThat(queryString(connection, "SELECT current_database()")).isEqualTo("it_orders");
            assertThat(queryString(connection, "SELECT current_user")).isEqualTo("it_order_service");
        }
    }

    @Test
    void serviceRoleCannotConnectToAnotherServicesDatabase() {
        infrastructure.database("it_payments", "it_payment_service");
        ServiceDatabase inventory = infrastructure.database("it_inventory", "it_inventory_service");
        String paymentsUrl = infrastructure.postgres().jdbcUrl("it_payments");

        assertThatThrownBy(() -> DriverManager.getConnection(paymentsUrl, inventory.username(), inventory.password()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database \"it_payments\"");
    }

    @Test
    void serviceRoleNeedsItsPassword() {
        ServiceDatabase orders = infrastructure.database("it_orders", "it_order_service");

        assertThatThrownBy(() -> DriverManager.getConnection(orders.jdbcUrl(), orders.username(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void serverIsConfiguredForLowLatencyLogicalReplication() throws SQLException {
        try (Connection connection = connect(infrastructure.database("it_orders", "it_order_service"))) {
            assertThat(queryString(connection, "SHOW wal_level")).isEqualTo("logical");
            assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryString(connection, "SHOW server_version")).startsWith("17.");
        }
    }

    @Test
    void serviceRoleCanCreateAPgoutputReplicationSlot() throws SQLException {
        try (Connection connection = connect(infrastructure.database("it_orders", "it_order_service"));
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_logical_replication_slot('it_probe_slot', 'pgoutput')");
            try {
                assertThat(queryString(connection,
                        "SELECT plugin FROM pg_replication_slots WHERE slot_name = 'it_probe_slot'"))
                        .isEqualTo("pgoutput");
            } finally {
                statement.execute("SELECT pg_drop_replication_slot('it_probe_slot')");
            }
        }
    }

    @Test
    void askingForTheSameDatabaseAgainReturnsTheSameDatabase() {
        ServiceDatabase first = infrastructure.database("it_sagas", "it_saga_orchestrator");

        assertThat(infrastructure.database("it_sagas", "it_saga_orchestrator")).isEqualTo(first);
    }

    private static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getString(1);
        }
    }
}
