package io.audience.auth;

import static io.audience.db.Tables.OAUTH_REVOKED_ACCESS_TOKEN;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Access tokens revoked before they expire, by jti, until they expire. */
@Repository
class RevokedAccessTokenRepository {

    private final DSLContext db;
    private final Clock clock;

    RevokedAccessTokenRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void revoke(String tokenId, String authorizationId, Instant expiresAt) {
        db.insertInto(OAUTH_REVOKED_ACCESS_TOKEN)
                .set(OAUTH_REVOKED_ACCESS_TOKEN.TOKEN_ID, tokenId)
                .set(OAUTH_REVOKED_ACCESS_TOKEN.AUTHORIZATION_ID, authorizationId)
                .set(OAUTH_REVOKED_ACCESS_TOKEN.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .set(OAUTH_REVOKED_ACCESS_TOKEN.REVOKED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
    }
}
