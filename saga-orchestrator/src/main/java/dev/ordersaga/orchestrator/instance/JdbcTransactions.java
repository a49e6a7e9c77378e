package dev.ordersaga.orchestrator.instance;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The orchestrator's transactions are plain JDBC ones: every write is SQL through {@link SagaStore}, the
 * messaging library's inbox and the outbox, and JPA only reads for the admin API. A JPA transaction manager
 * would open, flush and close a Hibernate session around every message for nothing (about a sixth of a
 * message's CPU time on the handler thread). Replaces Boot's JpaTransactionManager, which backs off when a
 * transaction manager is defined; Boot's customizers ({@code spring.transaction.*}) still apply.
 *
 * <p>JPA reads run outside these transactions, each repository call on its own session and connection, which
 * is all the admin API's reads need. Savepoints (nested transactions) are JDBC's own.
 */
@Configuration(proxyBeanMethods = false)
class JdbcTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        customizers.ifAvailable(customizer -> customizer.customize(transactionManager));
        return transactionManager;
    }
}
