package dev.ordersaga.payment.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for payment tokens: authenticated, so a modified ciphertext is detected rather than
 * decrypted into garbage. Each value gets a random 96-bit IV, stored in front of the ciphertext and its
 * 128-bit tag: {@code iv (12 bytes) || ciphertext || tag (16 bytes)}. An IV must never repeat under one
 * key; random IVs keep that safe for far more values than this table will ever hold.
 */
final class TokenCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The token encryption key must be 256 bits, got " + key.length * 8);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key base64 of 32 random bytes, e.g. {@code openssl rand -base64 32} */
    static TokenCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The token encryption key is not base64", e);
        }
        return new TokenCipher(key);
    }

    byte[] encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a payment token", e);
        }
    }

    /** @throws TokenTamperedException when the value was modified or encrypted under another key */
    String decrypt(byte[] stored) {
        if (stored.length < IV_BYTES + TAG_BITS / 8) {
            throw new TokenTamperedException("too short to be an encrypted token");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            byte[] plaintext = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TokenTamperedException("authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a payment token", e);
        }
    }

    /** A stored token failed authentication. Never carries the value itself. */
    static final class TokenTamperedException extends IllegalStateException {

        TokenTamperedException(String reason) {
            super("Stored payment token failed authentication: " + reason);
        }
    }
}
