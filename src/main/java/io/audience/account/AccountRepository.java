package io.audience.account;

import static io.audience.db.Tables.ACCOUNT;

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
}
