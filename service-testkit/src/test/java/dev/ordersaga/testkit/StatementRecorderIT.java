package dev.ordersaga.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.infra.ServiceDatabase;
import dev.ordersaga.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class StatementRecorderIT {

    private static final String INSERT = "INSERT INTO items (id) VALUES (?)";

    private static DataSource pool;
    private static DataSource recorded;

    @BeforeAll
    static void wrapADataSource() throws Exception {
        ServiceDatabase database = TestInfrastructure.get().database("testkit", "testkit");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        pool = dataSource;
        recorded = wrap(pool, StatementRecording.RECORDED_BEAN);
        execute(pool, "CREATE TABLE IF NOT EXISTS items (id uuid PRIMARY KEY)");
    }

    @Test
    void recordsTheStatementsTheWorkRanInOrderWithTheirBatches() throws Exception {
        List<RecordedStatement> statements = StatementRecorder.record(() -> {
            execute(recorded, "SELECT count(*) FROM items");
            insertInOneBatch(UUID.randomUUID(), UUID.randomUUID());
        });

        assertThat(statements).containsExactly(
                new RecordedStatement("SELECT count(*) FROM items", false, 0),
                new RecordedStatement(INSERT, true, 2));
        assertThat(statements).extracting(RecordedStatement::isSelect).containsExactly(true, false);
    }

    @Test
    void statementsOfOtherThreadsOrOutsideTheWorkAreNotRecorded() throws Exception {
        execute(recorded, "SELECT 'before'");

        List<RecordedStatement> statements = StatementRecorder.record(() -> {
            CompletableFuture.runAsync(() -> execute(recorded, "SELECT 'background'")).get();
            execute(recorded, "SELECT 'work'");
        });

        assertThat(statements).extracting(RecordedStatement::sql).containsExactly("SELECT 'work'");
    }

    @Test
    void onlyTheApplicationsDataSourceBeanIsWrapped() {
        assertThat(wrap(pool, "otherDataSource")).isSameAs(pool);
        assertThat(recorded).isNotSameAs(pool);
    }

    private static DataSource wrap(DataSource dataSource, String beanName) {
        return (DataSource) StatementRecording.statementRecordingDataSource()
                .postProcessAfterInitialization(dataSource, beanName);
    }

    private static void insertInOneBatch(UUID... ids) throws Exception {
        try (Connection connection = recorded.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (UUID id : ids) {
                insert.setObject(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
