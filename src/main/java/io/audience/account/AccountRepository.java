package io.audience.account;

import static io.audience.db.Tables.ACCOUNT;
import static io.audience.db.Tables.API_TOKEN;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

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

    void insertToken(UUID accountId, UUID tokenId, String tokenHash, OffsetDateTime now) {
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId)
                .set(API_TOKEN.TOKEN_ID, tokenId)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.CREATED_AT, now)
                .execute();
    }

    Optional<Caller> findByTokenHash(String tokenHash) {
        return db.select(API_TOKEN.ACCOUNT_ID, API_TOKEN.TOKEN_ID)
                .from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> Caller.apiToken(r.value1(), r.value2()));
    }
}
