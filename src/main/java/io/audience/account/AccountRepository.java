package io.audience.account;

import static io.audience.db.Tables.ACCOUNT;
import static io.audience.db.Tables.API_TOKEN;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    /** A live token's account, and when the token was last used. */
    record TokenOwner(UUID accountId, UUID tokenId, @Nullable OffsetDateTime accountDisabledAt,
            @Nullable OffsetDateTime lastUsedAt) {}

    void insertAccount(UUID accountId, String name, OffsetDateTime now) {
        db.insertInto(ACCOUNT)
                .set(ACCOUNT.ACCOUNT_ID, accountId)
                .set(ACCOUNT.NAME, name)
                .set(ACCOUNT.CREATED_AT, now)
                .execute();
    }

    boolean accountExists(UUID accountId) {
        return db.fetchExists(ACCOUNT, ACCOUNT.ACCOUNT_ID.eq(accountId));
    }

    Optional<AccountView> find(UUID accountId) {
        return db.select(ACCOUNT.ACCOUNT_ID, ACCOUNT.NAME, ACCOUNT.CREATED_AT, ACCOUNT.DISABLED_AT)
                .from(ACCOUNT)
                .where(ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new AccountView(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    List<AccountView> page(@Nullable UUID after, int limit) {
        return db.select(ACCOUNT.ACCOUNT_ID, ACCOUNT.NAME, ACCOUNT.CREATED_AT, ACCOUNT.DISABLED_AT)
                .from(ACCOUNT)
                .where(after == null ? org.jooq.impl.DSL.noCondition() : ACCOUNT.ACCOUNT_ID.gt(after))
                .orderBy(ACCOUNT.ACCOUNT_ID)
                .limit(limit)
                .fetch(r -> new AccountView(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    void update(UUID accountId, String name, @Nullable OffsetDateTime disabledAt) {
        db.update(ACCOUNT)
                .set(ACCOUNT.NAME, name)
                .set(ACCOUNT.DISABLED_AT, disabledAt)
                .where(ACCOUNT.ACCOUNT_ID.eq(accountId))
                .execute();
    }

    void insertToken(UUID accountId, UUID tokenId, String tokenHash, String prefix, OffsetDateTime now) {
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId)
                .set(API_TOKEN.TOKEN_ID, tokenId)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.PREFIX, prefix)
                .set(API_TOKEN.CREATED_AT, now)
                .execute();
    }

    List<ApiTokenView> tokens(UUID accountId) {
        return db.select(API_TOKEN.TOKEN_ID, API_TOKEN.PREFIX, API_TOKEN.CREATED_AT, API_TOKEN.LAST_USED_AT,
                        API_TOKEN.REVOKED_AT)
                .from(API_TOKEN)
                .where(API_TOKEN.ACCOUNT_ID.eq(accountId))
                .orderBy(API_TOKEN.CREATED_AT, API_TOKEN.TOKEN_ID)
                .fetch(r -> new ApiTokenView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    boolean tokenExists(UUID accountId, UUID tokenId) {
        return db.fetchExists(API_TOKEN, API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.TOKEN_ID.eq(tokenId));
    }

    void revokeToken(UUID accountId, UUID tokenId, OffsetDateTime now) {
        db.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, now)
                .where(API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.TOKEN_ID.eq(tokenId), API_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    Optional<TokenOwner> findByTokenHash(String tokenHash) {
        return db.select(API_TOKEN.ACCOUNT_ID, API_TOKEN.TOKEN_ID, ACCOUNT.DISABLED_AT, API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN)
                .join(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(API_TOKEN.ACCOUNT_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash), API_TOKEN.REVOKED_AT.isNull())
                .fetchOptional(r -> new TokenOwner(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    void touchToken(UUID accountId, UUID tokenId, OffsetDateTime now) {
        db.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.TOKEN_ID.eq(tokenId))
                .execute();
    }
}
