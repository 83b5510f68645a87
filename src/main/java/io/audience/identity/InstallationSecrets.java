package io.audience.identity;

import static io.audience.db.Tables.INSTALLATION_SECRET;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Keys of this installation, made at random on first use and kept in the database, so that every
 * instance on the database signs and fingerprints alike, across restarts.
 */
@Repository
public class InstallationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    InstallationSecrets(DSLContext db) {
        this.db = db;
    }

    /** HMAC-SHA256 of {@code message} under the named key. */
    public byte[] hmac(String keyName, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(keyName), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** One keyed hash for many messages, on one thread (a bulk import hashes a million addresses). */
    public java.util.function.Function<String, byte[]> hmacs(String keyName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(keyName), "HmacSHA256"));
            return message -> mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // The first instance to get here wins; everyone then reads the same key.
        db.insertInto(INSTALLATION_SECRET)
                .set(INSTALLATION_SECRET.NAME, name)
                .set(INSTALLATION_SECRET.SECRET, Base64.getEncoder().encodeToString(fresh))
                .set(INSTALLATION_SECRET.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        String stored = db.select(INSTALLATION_SECRET.SECRET).from(INSTALLATION_SECRET)
                .where(INSTALLATION_SECRET.NAME.eq(name)).fetchSingle().value1();
        return Base64.getDecoder().decode(stored);
    }
}
