package io.audience.idempotency;

import static io.audience.db.Tables.IDEMPOTENCY_KEY;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class IdempotencyRepository {

    private final DSLContext db;

    IdempotencyRepository(DSLContext db) {
        this.db = db;
    }

    record Stored(String requestHash, int status, String body) {}

    void forgetExpired(UUID accountId, String key, OffsetDateTime expiredBefore) {
        db.deleteFrom(IDEMPOTENCY_KEY)
                .where(
                        IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId),
                        IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key),
                        IDEMPOTENCY_KEY.CREATED_AT.lt(expiredBefore))
                .execute();
    }

    /**
     * Claims the key for this transaction. A concurrent request with the same key waits on the
     * unique index until this one commits (then finds the answer) or rolls back (then claims it).
     */
    boolean claim(UUID accountId, String key, String requestHash, OffsetDateTime now) {
        return db.insertInto(IDEMPOTENCY_KEY)
                        .set(IDEMPOTENCY_KEY.ACCOUNT_ID, accountId)
                        .set(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_, key)
                        .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                        .set(IDEMPOTENCY_KEY.RESPONSE_STATUS, 0)
                        .set(IDEMPOTENCY_KEY.RESPONSE_BODY, "")
                        .set(IDEMPOTENCY_KEY.CREATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    Optional<Stored> find(UUID accountId, String key) {
        return db.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId), IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                .fetchOptional(r -> new Stored(r.getRequestHash(), r.getResponseStatus(), r.getResponseBody()));
    }

    /** Erase: the stored answers that name the person (their contact id or an address of theirs). */
    int forgetAnswersNaming(UUID accountId, java.util.Collection<String> needles) {
        return needles.isEmpty()
                ? 0
                : db.deleteFrom(IDEMPOTENCY_KEY)
                        .where(
                                IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId),
                                DSL.or(needles.stream()
                                        .map(IDEMPOTENCY_KEY.RESPONSE_BODY::containsIgnoreCase)
                                        .toList()))
                        .execute();
    }

    int forgetOlderThan(OffsetDateTime expiredBefore) {
        return db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.CREATED_AT.lt(expiredBefore))
                .execute();
    }

    void complete(UUID accountId, String key, int status, String body) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.RESPONSE_STATUS, status)
                .set(IDEMPOTENCY_KEY.RESPONSE_BODY, body)
                .where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId), IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                .execute();
    }
}
