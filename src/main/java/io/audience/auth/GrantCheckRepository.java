package io.audience.auth;

import static io.audience.db.Tables.ACCOUNT_USER;
import static io.audience.db.Tables.OAUTH2_AUTHORIZATION;
import static io.audience.db.Tables.OAUTH_REVOKED_ACCESS_TOKEN;

import io.audience.account.AccountQueryRepository;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * What each API call with an access token must know, in one indexed query: that its grant still
 * stands (not deleted, no token of it invalidated), that this very token was not revoked, the
 * user's role now, and whether the operator disabled the account. Reading the grant through the
 * authorization server's service instead parses all its JSON and loads its client: three times
 * the CPU of an API-token call.
 */
@Repository
class GrantCheckRepository {

    /** How the authorization server marks an invalidated token in a token's metadata (its JSON). */
    private static final String INVALIDATED = "%\"metadata.token.invalidated\":true%";

    private final DSLContext db;

    private final AccountQueryRepository accounts;

    GrantCheckRepository(DSLContext db, AccountQueryRepository accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** The user's role, and when the account was disabled (null: it is not). */
    record Standing(String role, @Nullable OffsetDateTime accountDisabledAt) {}

    Optional<Standing> standing(String grantId, String tokenId, UUID accountId, UUID userId) {
        Field<Boolean> invalidated = DSL.coalesce(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_METADATA, "")
                .like(INVALIDATED)
                .or(DSL.coalesce(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_METADATA, "")
                        .like(INVALIDATED));
        Field<Boolean> revoked = DSL.field(DSL.exists(DSL.selectOne()
                .from(OAUTH_REVOKED_ACCESS_TOKEN)
                .where(OAUTH_REVOKED_ACCESS_TOKEN.TOKEN_ID.eq(tokenId))));
        return db.select(
                        ACCOUNT_USER.ROLE,
                        accounts.disabledAt(ACCOUNT_USER.ACCOUNT_ID),
                        DSL.field(invalidated),
                        revoked)
                .from(OAUTH2_AUTHORIZATION)
                .join(ACCOUNT_USER)
                .on(ACCOUNT_USER.ACCOUNT_ID.eq(accountId), ACCOUNT_USER.USER_ID.eq(userId))
                .where(OAUTH2_AUTHORIZATION.ID.eq(grantId), OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(userId.toString()))
                .fetchOptional()
                .filter(r -> !Boolean.TRUE.equals(r.value3()) && !Boolean.TRUE.equals(r.value4()))
                .map(r -> new Standing(r.value1(), r.value2()));
    }
}
