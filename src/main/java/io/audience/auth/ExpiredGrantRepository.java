package io.audience.auth;

import static io.audience.db.Tables.OAUTH2_AUTHORIZATION;
import static io.audience.db.Tables.OAUTH_REVOKED_ACCESS_TOKEN;
import static io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Grants whose every token has expired, and the record of refresh tokens that can no longer be
 * presented: kept a day for the record, then deleted, so that the tables do not grow for ever;
 * revoked access tokens once they expire.
 */
@Repository
class ExpiredGrantRepository {

    private final DSLContext db;

    ExpiredGrantRepository(DSLContext db) {
        this.db = db;
    }

    /** How many grants were deleted. PostgreSQL's greatest() skips nulls: a token not issued does not count. */
    int delete(OffsetDateTime now, Duration refreshTokenTtl) {
        int grants = db.deleteFrom(OAUTH2_AUTHORIZATION)
                .where(DSL.greatest(
                                OAUTH2_AUTHORIZATION.AUTHORIZATION_CODE_EXPIRES_AT,
                                OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT,
                                OAUTH2_AUTHORIZATION.REFRESH_TOKEN_EXPIRES_AT)
                        .lt(now.minusDays(1)))
                .execute();
        db.deleteFrom(OAUTH_REVOKED_ACCESS_TOKEN)
                .where(OAUTH_REVOKED_ACCESS_TOKEN.EXPIRES_AT.lt(now))
                .execute();
        db.deleteFrom(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.USED_AT.lt(
                        now.minus(refreshTokenTtl).minusDays(1)))
                .execute();
        return grants;
    }
}
