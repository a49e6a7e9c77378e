package dev.ordersaga.order;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements the current thread executes while some work runs. Per thread, so the
 * listener threads and the relay working in the background never leak into a count. MockMvc runs a
 * request on the calling thread, which is what makes this exact for the API.
 */
public class StatementCounter implements QueryExecutionListener {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    /** @return the statements {@code work} executed on this thread, in order */
    public List<String> statementsDuring(Work work) throws Exception {
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            work.run();
        } finally {
            recording.remove();
        }
        return statements;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // counted after execution only
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        List<String> statements = recording.get();
        if (statements != null) {
            queries.forEach(query -> statements.add(query.getQuery()));
        }
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Puts every DataSource behind a datasource-proxy that reports to the counter. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor statementCountingDataSource(StatementCounter statementCounter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource) {
                        return ProxyDataSourceBuilder.create(dataSource)
                                .name(beanName)
                                .listener(statementCounter)
                                .build();
                    }
                    return bean;
                }
            };
        }
    }
}
