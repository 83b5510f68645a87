package io.audience.auth;

import static io.audience.db.Tables.API_TOKEN;

import io.audience.account.AccountQueryRepository;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    private final DSLContext db;
    private final AccountQueryRepository accounts;

    ApiTokenRepository(DSLContext db, AccountQueryRepository accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** A live token's account, and when the token was last used. */
    record TokenOwner(
            UUID accountId,
            UUID tokenId,
            @Nullable OffsetDateTime accountDisabledAt,
            @Nullable OffsetDateTime lastUsedAt) {}

    void insert(UUID accountId, UUID tokenId, String tokenHash, String prefix, OffsetDateTime now) {
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId)
                .set(API_TOKEN.TOKEN_ID, tokenId)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.PREFIX, prefix)
                .set(API_TOKEN.CREATED_AT, now)
                .execute();
    }

    List<ApiTokenView> tokens(UUID accountId) {
        return db.select(
                        API_TOKEN.TOKEN_ID,
                        API_TOKEN.PREFIX,
                        API_TOKEN.CREATED_AT,
                        API_TOKEN.LAST_USED_AT,
                        API_TOKEN.REVOKED_AT)
                .from(API_TOKEN)
                .where(API_TOKEN.ACCOUNT_ID.eq(accountId))
                .orderBy(API_TOKEN.CREATED_AT, API_TOKEN.TOKEN_ID)
                .fetch(r -> new ApiTokenView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    boolean exists(UUID accountId, UUID tokenId) {
        return db.fetchExists(API_TOKEN, API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.TOKEN_ID.eq(tokenId));
    }

    void revoke(UUID accountId, UUID tokenId, OffsetDateTime now) {
        db.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, now)
                .where(
                        API_TOKEN.ACCOUNT_ID.eq(accountId),
                        API_TOKEN.TOKEN_ID.eq(tokenId),
                        API_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    Optional<TokenOwner> findByHash(String tokenHash) {
        Field<OffsetDateTime> disabledAt = accounts.disabledAt(API_TOKEN.ACCOUNT_ID);
        return db.select(API_TOKEN.ACCOUNT_ID, API_TOKEN.TOKEN_ID, disabledAt, API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash), API_TOKEN.REVOKED_AT.isNull())
                .fetchOptional(r -> new TokenOwner(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    void touch(UUID accountId, UUID tokenId, OffsetDateTime now) {
        db.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.TOKEN_ID.eq(tokenId))
                .execute();
    }

    /** How many unrevoked tokens each of the accounts has (absent: none). */
    Map<UUID, Integer> liveCounts(Collection<UUID> accountIds) {
        return db.select(API_TOKEN.ACCOUNT_ID, DSL.count())
                .from(API_TOKEN)
                .where(API_TOKEN.ACCOUNT_ID.in(accountIds), API_TOKEN.REVOKED_AT.isNull())
                .groupBy(API_TOKEN.ACCOUNT_ID)
                .fetchMap(API_TOKEN.ACCOUNT_ID, DSL.count());
    }
}
