package io.audience.auth;

import static io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Refresh tokens already exchanged for new ones, by SHA-256, with the grant they belonged to. */
@Repository
class UsedRefreshTokens {

    private final DSLContext db;

    UsedRefreshTokens(DSLContext db) {
        this.db = db;
    }

    void record(String token, String authorizationId) {
        db.insertInto(OAUTH_USED_REFRESH_TOKEN)
                .set(OAUTH_USED_REFRESH_TOKEN.TOKEN_HASH, hash(token))
                .set(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID, authorizationId)
                .set(OAUTH_USED_REFRESH_TOKEN.USED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    Optional<String> grantOf(String token) {
        return db.select(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID).from(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.TOKEN_HASH.eq(hash(token)))
                .fetchOptional(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID);
    }

    void forget(String authorizationId) {
        db.deleteFrom(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID.eq(authorizationId))
                .execute();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
