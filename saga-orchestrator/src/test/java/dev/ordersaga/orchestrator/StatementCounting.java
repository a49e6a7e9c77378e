package dev.ordersaga.orchestrator;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements each thread runs, so a test can prove how many queries a request costs.
 * MockMvc runs the request on the test's thread, which keeps the per-thread count exact even while the
 * listeners run their own statements.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName).countQuery().build();
                }
                return bean;
            }
        };
    }

    public static void reset() {
        QueryCountHolder.clear();
    }

    /** Statements this thread ran since {@link #reset()}. */
    public static QueryCount onThisThread() {
        return QueryCountHolder.getGrandTotal();
    }
}
