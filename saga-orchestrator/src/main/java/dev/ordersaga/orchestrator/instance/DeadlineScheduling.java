package dev.ordersaga.orchestrator.instance;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls for passed deadlines on Spring's scheduler, with a fixed delay between polls, so a slow poll is never
 * overlapped by the next one. Registered here rather than with {@code @Scheduled} so that the interval comes
 * from the typed, validated {@link SagaProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadlineScheduling implements SchedulingConfigurer {

    private final SagaDeadlines deadlines;
    private final SagaProperties properties;

    DeadlineScheduling(SagaDeadlines deadlines, SagaProperties properties) {
        this.deadlines = deadlines;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(deadlines::handleDue, properties.deadlinePollInterval());
    }
}
