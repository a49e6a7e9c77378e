package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayDatabaseTest {

    @Test
    void readsHostPortAndDatabaseFromTheJdbcUrl() {
        RelayDatabase database = RelayDatabase.of(
                "jdbc:postgresql://db.internal:6543/orders?sslmode=require&ApplicationName=x", "orders", "secret");

        assertThat(database.host()).isEqualTo("db.internal");
        assertThat(database.port()).isEqualTo(6543);
        assertThat(database.database()).isEqualTo("orders");
        assertThat(database.username()).isEqualTo("orders");
        assertThat(database.password()).isEqualTo("secret");
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://db.internal:6543/orders?");
    }

    @Test
    void defaultsToPostgresqlsPort() {
        assertThat(RelayDatabase.of("jdbc:postgresql://localhost/inventory", "u", "p").port()).isEqualTo(5432);
    }

    @Test
    void keepsAnIpv6HostInBrackets() {
        RelayDatabase database = RelayDatabase.of("jdbc:postgresql://[::1]:5433/payments", "u", "p");

        assertThat(database.host()).isEqualTo("[::1]");
        assertThat(database.port()).isEqualTo(5433);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://localhost:3306/orders", "jdbc:postgresql://a:5432,b:5432/orders",
            "jdbc:postgresql:orders", "jdbc:postgresql://localhost:5432/"})
    void rejectsWhatDebeziumCannotConnectTo(String url) {
        assertThatThrownBy(() -> RelayDatabase.of(url, "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single-host");
    }

    @Test
    void keepsThePasswordOutOfItsDescription() {
        assertThat(RelayDatabase.of("jdbc:postgresql://localhost/orders", "orders", "s3cr3t").toString())
                .doesNotContain("s3cr3t");
    }
}
