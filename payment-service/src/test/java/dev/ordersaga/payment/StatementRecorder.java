package dev.ordersaga.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements the calling thread sends while it runs some work (datasource-proxy around the
 * pool). Per thread, so the listener thread's work never pollutes a count taken on the test thread, where
 * MockMvc runs the request.
 */
public final class StatementRecorder implements QueryExecutionListener {

    private static final ThreadLocal<List<Execution>> RECORDING = new ThreadLocal<>();

    /** One JDBC execution: a single statement, or a batch of {@code batchSize} parameter sets. */
    public record Execution(String sql, boolean batch, int batchSize) {

        public boolean isSelect() {
            return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
        }
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    public static List<Execution> record(Work work) throws Exception {
        RECORDING.set(new ArrayList<>());
        try {
            work.run();
            return List.copyOf(RECORDING.get());
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        List<Execution> recording = RECORDING.get();
        if (recording != null) {
            queries.forEach(query ->
                    recording.add(new Execution(query.getQuery(), execution.isBatch(), execution.getBatchSize())));
        }
    }

    /** Wraps the application's pool, leaving every other DataSource bean alone. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor statementRecordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("recorded")
                                .listener(new StatementRecorder()).build();
                    }
                    return bean;
                }
            };
        }
    }
}
