package dev.ordersaga.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentProviderMainTest {

    @Test
    void readsThePortInBothFormsAndDefaultsTo8090() {
        assertThat(PaymentProviderMain.port()).isEqualTo(8090);
        assertThat(PaymentProviderMain.port("--port", "9100")).isEqualTo(9100);
        assertThat(PaymentProviderMain.port("--port=0")).isZero();
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> PaymentProviderMain.port("--port", "http")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentProviderMain.port("--port=70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentProviderMain.port("--verbose")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentProviderMain.port("--port")).isInstanceOf(IllegalArgumentException.class);
    }
}
