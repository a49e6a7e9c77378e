package dev.ordersaga.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void quotesAShortValueWhole() {
        assertThat(Echo.quote("EURO")).isEqualTo("'EURO'");
        assertThat(Echo.quote("x".repeat(16))).isEqualTo("'" + "x".repeat(16) + "'");
    }

    @Test
    void keepsOnlyTheFirstSixteenCodePointsOfALongValue() {
        assertThat(Echo.quote("x".repeat(17))).isEqualTo("'" + "x".repeat(16) + "\u2026'");
        assertThat(Echo.quote("y".repeat(1_000_000))).hasSize(16 + 3);
    }

    @Test
    void mayKeepALongerPrefixWhereAskedTo() {
        assertThat(Echo.quote("z".repeat(70), 64)).isEqualTo("'" + "z".repeat(64) + "\u2026'");
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00";

        assertThat(Echo.quote(emoji.repeat(20))).isEqualTo("'" + emoji.repeat(16) + "\u2026'");
    }

    /** PostgreSQL's text and jsonb refuse U+0000: an echo must not make its answer unstorable. */
    @Test
    void replacesControlCharacters() {
        assertThat(Echo.quote("E\u0000U\nR")).isEqualTo("'E\uFFFDU\uFFFDR'");
    }

    @Test
    void saysNullForNoValue() {
        assertThat(Echo.quote(null)).isEqualTo("null");
    }

    /** A log field: a key that is not an order id can neither flood a line nor start a forged one. */
    @Test
    void prefixesUnquotedForALogFieldAndKeepsNullNull() {
        assertThat(Echo.prefix("k".repeat(100) + "\nforged", 64)).isEqualTo("k".repeat(64) + "\u2026");
        assertThat(Echo.prefix("a\nb", 64)).isEqualTo("a\uFFFDb");
        assertThat(Echo.prefix(null, 64)).isNull();
    }
}
