package dev.ordersaga.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.payment.account.TokenCipher.TokenTamperedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String TOKEN = "tok_visa_4242424242424242";

    private final TokenCipher cipher = new TokenCipher(key(1));

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(cipher.decrypt(cipher.encrypt(TOKEN))).isEqualTo(TOKEN);
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(cipher.decrypt(cipher.encrypt("ünïcødé €"))).isEqualTo("ünïcødé €");
    }

    @Test
    void storesTheIvThenTheCiphertextAndTagButNeverThePlaintext() {
        byte[] stored = cipher.encrypt(TOKEN);

        assertThat(stored).hasSize(12 + TOKEN.length() + 16);
        assertThat(contains(stored, TOKEN.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void encryptsTheSameTokenDifferentlyEveryTime() {
        byte[] first = cipher.encrypt(TOKEN);
        byte[] second = cipher.encrypt(TOKEN);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
    }

    @Test
    void detectsAModifiedCiphertextIvOrTag() {
        byte[] stored = cipher.encrypt(TOKEN);

        for (int position : new int[] {0, 11, 12, stored.length - 17, stored.length - 1}) {
            byte[] tampered = stored.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(tampered))
                    .as("flipped bit at %d", position)
                    .isInstanceOf(TokenTamperedException.class)
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void detectsATruncatedValue() {
        byte[] stored = cipher.encrypt(TOKEN);

        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(stored, stored.length - 1)))
                .isInstanceOf(TokenTamperedException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[20])).isInstanceOf(TokenTamperedException.class);
    }

    @Test
    void anotherKeyCannotReadTheToken() {
        byte[] stored = cipher.encrypt(TOKEN);

        assertThatThrownBy(() -> new TokenCipher(key(2)).decrypt(stored)).isInstanceOf(TokenTamperedException.class);
    }

    @Test
    void readsItsKeyFromBase64AndAcceptsOnly256Bits() {
        TokenCipher fromConfig = TokenCipher.fromBase64(Base64.getEncoder().encodeToString(key(1)));

        assertThat(fromConfig.decrypt(cipher.encrypt(TOKEN))).isEqualTo(TOKEN);
        assertThatThrownBy(() -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> TokenCipher.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
