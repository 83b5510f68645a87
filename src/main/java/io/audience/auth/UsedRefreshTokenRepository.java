package io.audience.auth;

import static io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens already exchanged for new ones, by hash, with the grant they belonged to. A
 * token is recorded when a refresh claims it, before new tokens are made: the primary key lets
 * exactly one of two concurrent refreshes with one token go on.
 */
@Repository
class UsedRefreshTokenRepository {

    private final DSLContext db;
    private final Clock clock;

    UsedRefreshTokenRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether this call claimed the token; false when another refresh already did. */
    boolean claim(String token, String authorizationId) {
        return db.insertInto(OAUTH_USED_REFRESH_TOKEN)
                        .set(OAUTH_USED_REFRESH_TOKEN.TOKEN_HASH, HashedGrants.hash(token))
                        .set(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID, authorizationId)
                        .set(OAUTH_USED_REFRESH_TOKEN.USED_AT, OffsetDateTime.now(clock))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Gives back a claim whose refresh failed before any token was issued, so the client may retry. */
    void release(String token) {
        db.deleteFrom(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.TOKEN_HASH.eq(HashedGrants.hash(token)))
                .execute();
    }

    record Use(String authorizationId, OffsetDateTime usedAt) {}

    Optional<Use> useOf(String token) {
        return db.select(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID, OAUTH_USED_REFRESH_TOKEN.USED_AT)
                .from(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.TOKEN_HASH.eq(HashedGrants.hash(token)))
                .fetchOptional(r -> new Use(r.value1(), r.value2()));
    }

    void forget(String authorizationId) {
        db.deleteFrom(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID.eq(authorizationId))
                .execute();
    }
}
