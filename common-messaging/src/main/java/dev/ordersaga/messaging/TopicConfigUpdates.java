package dev.ordersaga.messaging;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Has the service's {@link KafkaAdmin} align the configuration of declared topics that already exist (their
 * size limits) with the declaration, as {@code spring.kafka.admin.modify-topic-configs=true} would; it changes
 * only the settings a declaration names.
 */
final class TopicConfigUpdates implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaAdmin admin) {
            admin.setModifyTopicConfigs(true);
        }
        return bean;
    }
}
