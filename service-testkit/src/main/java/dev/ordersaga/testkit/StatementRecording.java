package dev.ordersaga.testkit;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts the application's pool (the {@code dataSource} bean) behind a datasource-proxy that reports to
 * {@link StatementRecorder}. Only that bean: wrapping a data source that delegates to it as well would
 * record each statement twice. Import it into the integration tests' shared context with
 * {@code @Import(StatementRecording.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementRecording {

    static final String RECORDED_BEAN = "dataSource";

    @Bean
    static BeanPostProcessor statementRecordingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && RECORDED_BEAN.equals(beanName)) {
                    return ProxyDataSourceBuilder.create(dataSource).name("recorded-" + beanName)
                            .listener(new StatementRecorder()).build();
                }
                return bean;
            }
        };
    }
}
