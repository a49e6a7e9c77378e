package dev.ordersaga.payment.provider;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.payment.PaymentIntegrationTest;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What Resilience4j's Spring Boot starter made of {@code resilience4j.*} in application.yml. */
class ResilienceConfigurationIT extends PaymentIntegrationTest {

    @Autowired
    private RetryRegistry retries;

    @Test
    void retryWaitsGrowExponentiallyWithJitter() {
        IntervalBiFunction<Object> interval = retries.retry("paymentProvider").getRetryConfig().getIntervalBiFunction();

        Set<Long> firstWaits = waits(interval, 1);
        Set<Long> secondWaits = waits(interval, 2);

        // 200 ms, then 400 ms, each +-50 %.
        assertThat(firstWaits).hasSizeGreaterThan(1).allSatisfy(wait -> assertThat(wait).isBetween(100L, 300L));
        assertThat(secondWaits).hasSizeGreaterThan(1).allSatisfy(wait -> assertThat(wait).isBetween(200L, 600L));
    }

    private static Set<Long> waits(IntervalBiFunction<Object> interval, int attempt) {
        return IntStream.range(0, 20).mapToObj(i -> interval.apply(attempt, null)).collect(toSet());
    }
}
