package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CeilingTest {

    @Test
    void theSlowerOfPostgresqlAndKafkaPerSagaIsTheCeiling() {
        assertThat(new Ceiling(8_000, 90_000).sagasPerSecond()).isCloseTo(800, within(1e-9));
        assertThat(new Ceiling(8_000, 5_000).sagasPerSecond()).isCloseTo(500, within(1e-9));
    }

    @Test
    void aRateIsReadAsAShareOfTheCeiling() {
        assertThat(new Ceiling(10_000, 90_000).shareOf(250)).isCloseTo(0.25, within(1e-9));
        assertThat(new Ceiling(0, 0).shareOf(250)).isZero();
    }
}
