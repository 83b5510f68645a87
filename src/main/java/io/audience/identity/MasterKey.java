package io.audience.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that encrypts the installation's keys kept in the database (the JWT signing key, the HMAC
 * keys), so that a copy of the database alone gives none of them away: AUDIENCE_MASTER_KEY (32
 * bytes, base64), or one generated on first start into {@code <data dir>/master-key} (mode 600).
 * Every instance on one database needs the same master key. Sealing is AES-256-GCM with a random
 * nonce, bound to what the value is ({@code context}), so a sealed value cannot be moved to
 * another row.
 */
@Component
public class MasterKey {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;
    private final String source;

    MasterKey(@Value("${audience.master-key:}") String configured, @Value("${audience.data-dir}") Path dataDir) {
        Path file = dataDir.resolve("master-key");
        this.source = configured.isBlank() ? file.toAbsolutePath().toString() : "AUDIENCE_MASTER_KEY";
        String encoded = configured.isBlank()
                ? SecretFiles.readOrCreate(file, () -> Base64.getEncoder().encodeToString(randomKey()))
                : configured.strip();
        byte[] raw = decode(encoded);
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = HexFormat.of().formatHex(sha256(raw)).substring(0, 16);
    }

    /** {@code plaintext} encrypted for {@code context}: {@code v1.<key id>.<nonce and ciphertext>}. */
    public String seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, context);
        byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
        return VERSION + "." + keyId + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The plaintext of a value sealed for {@code context}; refuses loudly when it cannot be. */
    public byte[] open(String sealed, String context) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("The stored " + context + " is not a sealed value");
        }
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("The stored " + context + " was encrypted with another master key (id "
                    + parts[1] + ") than this service's (id " + keyId + ", from " + source + "); every instance on one"
                    + " database needs the same AUDIENCE_MASTER_KEY");
        }
        byte[] all = Base64.getUrlDecoder().decode(parts[2]);
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return crypt(Cipher.DECRYPT_MODE, nonce, ciphertext, context);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "The stored " + context + " does not open with the master key: it was"
                            + " altered, or moved from another row",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private byte[] decode(String encoded) {
        byte[] raw;
        try {
            raw = encoded.contains("-") || encoded.contains("_")
                    ? Base64.getUrlDecoder().decode(encoded)
                    : Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException("The master key in " + source + " must be " + KEY_BYTES + " random bytes in"
                    + " base64 (make one with: openssl rand -base64 32)");
        }
        return raw;
    }

    private static byte[] randomKey() {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        return raw;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
