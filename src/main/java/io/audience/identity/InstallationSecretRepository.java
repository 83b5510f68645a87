package io.audience.identity;

import static io.audience.db.Tables.INSTALLATION_SECRET;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Repository;

/**
 * Keys of this installation, made at random on first use and kept in the database sealed with the
 * master key, so that every instance on the database signs and fingerprints alike, across
 * restarts, and a copy of the database alone cannot. Keys stored in clear by earlier releases are
 * sealed at start.
 */
@Repository
public class InstallationSecretRepository implements SmartInitializingSingleton {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final MasterKey master;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    InstallationSecretRepository(DSLContext db, MasterKey master, Clock clock) {
        this.db = db;
        this.master = master;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        db.select(INSTALLATION_SECRET.NAME)
                .from(INSTALLATION_SECRET)
                .where(INSTALLATION_SECRET.SEALED.isNull())
                .fetch(INSTALLATION_SECRET.NAME)
                .forEach(this::key);
    }

    /** HMAC-SHA256 of {@code message} under the named key. */
    public byte[] hmac(String keyName, String message) {
        return hmacs(keyName).apply(message);
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
        String context = context(name);
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // The first instance to get here wins; everyone then reads the same key.
        db.insertInto(INSTALLATION_SECRET)
                .set(INSTALLATION_SECRET.NAME, name)
                .set(INSTALLATION_SECRET.SEALED, master.seal(fresh, context))
                .set(INSTALLATION_SECRET.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        Record2<String, String> stored = db.select(INSTALLATION_SECRET.SECRET, INSTALLATION_SECRET.SEALED)
                .from(INSTALLATION_SECRET)
                .where(INSTALLATION_SECRET.NAME.eq(name))
                .fetchSingle();
        if (stored.value2() != null) {
            return master.open(stored.value2(), context);
        }
        byte[] clear = Base64.getDecoder().decode(stored.value1());
        // Sealed once, by whichever instance gets here first; the clear copy goes with it.
        db.update(INSTALLATION_SECRET)
                .set(INSTALLATION_SECRET.SEALED, master.seal(clear, context))
                .setNull(INSTALLATION_SECRET.SECRET)
                .where(INSTALLATION_SECRET.NAME.eq(name), INSTALLATION_SECRET.SEALED.isNull())
                .execute();
        return clear;
    }

    private static String context(String name) {
        return "installation_secret:" + name;
    }
}
