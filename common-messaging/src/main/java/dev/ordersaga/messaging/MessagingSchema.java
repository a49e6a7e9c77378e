package dev.ordersaga.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the library's tables (outbox, inbox, relay heartbeat, publication) with their own Flyway
 * history table, so the library's versions never collide with the service's own migrations.
 */
public class MessagingSchema implements InitializingBean {

    static final String HISTORY_TABLE = "messaging_schema_history";

    private final DataSource dataSource;

    public MessagingSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
