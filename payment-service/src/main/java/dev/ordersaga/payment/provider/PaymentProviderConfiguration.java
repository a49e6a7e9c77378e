package dev.ordersaga.payment.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    /** The name of every Resilience4j instance guarding the provider, as configured in application.yml. */
    static final String RESILIENCE_INSTANCE = "paymentProvider";

    /**
     * Decorated programmatically with the auto-configured registries' instances, so their settings come from
     * {@code resilience4j.*} and they show in actuator and metrics like annotated ones, without AOP.
     */
    @Bean
    PaymentProviderClient paymentProviderClient(PaymentProviderProperties properties, ObjectMapper json,
                                                RetryRegistry retries, BulkheadRegistry bulkheads,
                                                CircuitBreakerRegistry circuitBreakers,
                                                TimeLimiterRegistry timeLimiters) {
        // HTTP/1.1: the provider speaks nothing else, and the client would otherwise try an h2c upgrade first.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        ProviderResilience resilience = new ProviderResilience(
                retries.retry(RESILIENCE_INSTANCE),
                bulkheads.bulkhead(RESILIENCE_INSTANCE),
                circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE),
                timeLimiters.timeLimiter(RESILIENCE_INSTANCE));
        return new PaymentProviderClient(new ProviderHttp(http, properties, json), resilience, json);
    }
}
