package dev.ordersaga.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

/**
 * The provider is called before the command's transaction opens (docs/adr/0012), but the record, and the records
 * behind it in its partition, wait for the call. The worst case of one call (every attempt timing out, every backoff
 * at its longest jitter) is kept as it was sized when the call ran inside the transaction: well below the
 * transaction timeout, so a slow provider is answered with PaymentUnavailable within seconds. Guards the budget
 * documented in application.yml.
 */
class ResilienceBudgetTest {

    private static final String RETRY = "resilience4j.retry.instances.paymentProvider.";

    private final Properties config = applicationYml();

    @Test
    void theWorstCaseOfOneProviderCallLeavesAFifthOfTheTransactionTimeoutForTheDatabase() {
        int attempts = Integer.parseInt(config.getProperty(RETRY + "max-attempts"));
        Duration attemptTimeout = duration("resilience4j.timelimiter.instances.paymentProvider.timeout-duration");
        Duration worstCase = attemptTimeout.multipliedBy(attempts).plus(longestBackoffs(attempts));

        Duration transactionTimeout = duration("spring.transaction.default-timeout");
        assertThat(worstCase).isLessThanOrEqualTo(transactionTimeout.multipliedBy(4).dividedBy(5));
    }

    @Test
    void retriesBackOffExponentiallyWithJitterAndOnlyOnTransientFailures() {
        assertThat(config.getProperty(RETRY + "enable-exponential-backoff")).isEqualTo("true");
        assertThat(config.getProperty(RETRY + "enable-randomized-wait")).isEqualTo("true");
        assertThat(Double.parseDouble(config.getProperty(RETRY + "randomized-wait-factor"))).isPositive();
        assertThat(config.getProperty(RETRY + "retry-exceptions[0]")).isEqualTo("java.io.IOException");
        assertThat(config.getProperty(RETRY + "retry-exceptions[1]")).isEqualTo("java.util.concurrent.TimeoutException");
        assertThat(config.getProperty(RETRY + "retry-exceptions[2]"))
                .isEqualTo(ProviderServerErrorException.class.getName());
        assertThat(config.getProperty(RETRY + "retry-exceptions[3]")).isNull();
    }

    /** The waits between attempts, each at the top of its jitter and capped at the maximum wait. */
    private Duration longestBackoffs(int attempts) {
        double wait = duration(RETRY + "wait-duration").toMillis();
        double multiplier = Double.parseDouble(config.getProperty(RETRY + "exponential-backoff-multiplier"));
        double jitter = Double.parseDouble(config.getProperty(RETRY + "randomized-wait-factor"));
        double cap = duration(RETRY + "exponential-max-wait-duration").toMillis();
        double total = 0;
        for (int retry = 0; retry < attempts - 1; retry++) {
            total += Math.min(wait * Math.pow(multiplier, retry) * (1 + jitter), cap);
        }
        return Duration.ofMillis(Math.round(total));
    }

    private Duration duration(String key) {
        return DurationStyle.detectAndParse(config.getProperty(key));
    }

    private static Properties applicationYml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
