package dev.ordersaga.orchestrator.instance;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The orchestrator's transactions are plain JDBC ones: every write is SQL through {@link SagaStore}, the
 * messaging library's inbox and the outbox, and JPA only reads for the admin API. A JPA transaction manager
 * would open, flush and close a Hibernate session around every message for nothing (about a sixth of a
 * message's CPU time on the handler thread). Replaces Boot's JpaTransactionManager, which backs off when a
 * transaction manager is defined; Boot's customizers ({@code spring.transaction.*}) still apply.
 *
 * <p>JPA reads run outside these transactions, each repository call on its own session, which is all the admin
 * API's reads need. The repositories' default read-only transactions are off: under this manager they would
 * hold a second pool connection, unused, beside Hibernate's. Savepoints (nested transactions) are JDBC's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(enableDefaultTransactions = false)
class JdbcTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        customizers.ifAvailable(customizer -> customizer.customize(transactionManager));
        return transactionManager;
    }
}
