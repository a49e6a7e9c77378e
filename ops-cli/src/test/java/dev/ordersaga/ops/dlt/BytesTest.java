package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void validUtf8IsItself() {
        assertThat(Bytes.escape("Grüße, 東京 ✓".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße, 東京 ✓");
    }

    @Test
    void controlCharactersAndBackslashesAreEscaped() {
        assertThat(Bytes.escape("a\nb\tc\rd\\e\u0000f\u001b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("a\\nb\\tc\\rd\\\\e\\u0000f\\u001b");
    }

    @Test
    void everyInvalidByteIsShownAsHexAndTheRestStaysReadable() {
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 'o', 'k', (byte) 0xc3, '!', (byte) 0xe6, (byte) 0x9d};

        assertThat(Bytes.escape(bytes)).isEqualTo("\\xff\\xfeok\\xc3!\\xe6\\x9d");
    }

    @Test
    void emptyIsEmpty() {
        assertThat(Bytes.escape(new byte[0])).isEmpty();
    }

    @Test
    void strictDecodingRefusesInvalidBytes() {
        assertThat(Bytes.utf8OrNull("ok".getBytes(StandardCharsets.UTF_8))).isEqualTo("ok");
        assertThat(Bytes.utf8OrNull(new byte[] {(byte) 0xff})).isNull();
    }
}
