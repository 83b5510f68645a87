package io.audience.auth;

import static io.audience.db.Tables.OAUTH_SIGNING_KEY;

import com.nimbusds.jose.jwk.RSAKey;
import io.audience.identity.MasterKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSA keys that sign access tokens, kept in the database (sealed): the first instance to start makes
 * one (under an advisory lock, so two instances starting together agree on it), every instance
 * signs with the oldest and accepts all, and tokens outlive restarts.
 */
@Repository
class SigningKeyRepository {

    private final DSLContext db;
    private final MasterKey master;
    private final Clock clock;

    SigningKeyRepository(DSLContext db, MasterKey master, Clock clock) {
        this.db = db;
        this.master = master;
        this.clock = clock;
    }

    /**
     * The keys, the private halves sealed with the master key; a key an earlier release stored in
     * clear is sealed here, and its clear copy removed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<RSAKey> loadOrCreate() {
        db.execute("select pg_advisory_xact_lock(hashtext('oauth_signing_key'))");
        if (!db.fetchExists(OAUTH_SIGNING_KEY)) {
            KeyPair pair = generate();
            String keyId = UUID.randomUUID().toString();
            db.insertInto(OAUTH_SIGNING_KEY)
                    .set(OAUTH_SIGNING_KEY.KEY_ID, keyId)
                    .set(
                            OAUTH_SIGNING_KEY.PRIVATE_KEY_SEALED,
                            master.seal(pair.getPrivate().getEncoded(), context(keyId)))
                    .set(OAUTH_SIGNING_KEY.PUBLIC_KEY, pair.getPublic().getEncoded())
                    .set(OAUTH_SIGNING_KEY.CREATED_AT, OffsetDateTime.now(clock))
                    .execute();
        }
        db.selectFrom(OAUTH_SIGNING_KEY)
                .where(OAUTH_SIGNING_KEY.PRIVATE_KEY_SEALED.isNull())
                .fetch()
                .forEach(clear -> db.update(OAUTH_SIGNING_KEY)
                        .set(
                                OAUTH_SIGNING_KEY.PRIVATE_KEY_SEALED,
                                master.seal(clear.getPrivateKey(), context(clear.getKeyId())))
                        .setNull(OAUTH_SIGNING_KEY.PRIVATE_KEY)
                        .where(OAUTH_SIGNING_KEY.KEY_ID.eq(clear.getKeyId()))
                        .execute());
        return db.selectFrom(OAUTH_SIGNING_KEY)
                .orderBy(OAUTH_SIGNING_KEY.CREATED_AT, OAUTH_SIGNING_KEY.KEY_ID)
                .fetch(r -> toJwk(
                        r.getKeyId(), master.open(r.getPrivateKeySealed(), context(r.getKeyId())), r.getPublicKey()));
    }

    private static String context(String keyId) {
        return "oauth_signing_key:" + keyId;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private static RSAKey toJwk(String keyId, byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(keyId)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key " + keyId + " cannot be read", e);
        }
    }
}
