package io.audience.sender;

import static io.audience.db.Sequences.ACCOUNT_EMAIL_ID_SEQ;
import static io.audience.db.Tables.ACCOUNT_EMAIL;

import io.audience.db.tables.records.AccountEmailRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class SenderAddressRepository {

    record Stored(UUID accountId, long emailId, String emailKey, SenderAddress view, OffsetDateTime requestedAt) {}

    private final DSLContext db;

    SenderAddressRepository(DSLContext db) {
        this.db = db;
    }

    /** Adds the address unconfirmed, or, when the account has it already, marks it requested again. */
    Stored upsertRequested(UUID accountId, String emailKey, String address, OffsetDateTime now) {
        return db.insertInto(ACCOUNT_EMAIL)
                .set(ACCOUNT_EMAIL.ACCOUNT_ID, accountId)
                .set(ACCOUNT_EMAIL.EMAIL_ID, ACCOUNT_EMAIL_ID_SEQ.nextval())
                .set(ACCOUNT_EMAIL.EMAIL_KEY, emailKey)
                .set(ACCOUNT_EMAIL.EMAIL_ADDRESS, address)
                .set(ACCOUNT_EMAIL.EMAIL_STATUS, SenderAddress.UNCONFIRMED)
                .set(ACCOUNT_EMAIL.REQUESTED_AT, now)
                .set(ACCOUNT_EMAIL.CREATED_AT, now)
                .onConflict(ACCOUNT_EMAIL.ACCOUNT_ID, ACCOUNT_EMAIL.EMAIL_KEY)
                .doUpdate()
                .set(
                        ACCOUNT_EMAIL.REQUESTED_AT,
                        DSL.when(ACCOUNT_EMAIL.EMAIL_STATUS.eq(SenderAddress.UNCONFIRMED), DSL.val(now))
                                .otherwise(ACCOUNT_EMAIL.REQUESTED_AT))
                .returning()
                .fetchSingle(SenderAddressRepository::stored);
    }

    List<SenderAddress> list(UUID accountId, @Nullable String status, @Nullable String emailKey) {
        Condition where = ACCOUNT_EMAIL.ACCOUNT_ID.eq(accountId);
        if (status != null) {
            where = where.and(ACCOUNT_EMAIL.EMAIL_STATUS.eq(status));
        }
        if (emailKey != null) {
            where = where.and(ACCOUNT_EMAIL.EMAIL_KEY.eq(emailKey));
        }
        return db.selectFrom(ACCOUNT_EMAIL)
                .where(where)
                .orderBy(ACCOUNT_EMAIL.EMAIL_ID)
                .fetch(r -> stored(r).view());
    }

    List<Stored> all(UUID accountId) {
        return db.selectFrom(ACCOUNT_EMAIL)
                .where(ACCOUNT_EMAIL.ACCOUNT_ID.eq(accountId))
                .orderBy(ACCOUNT_EMAIL.EMAIL_ID)
                .fetch(SenderAddressRepository::stored);
    }

    Optional<Stored> find(UUID accountId, long emailId) {
        return db.selectFrom(ACCOUNT_EMAIL)
                .where(ACCOUNT_EMAIL.ACCOUNT_ID.eq(accountId), ACCOUNT_EMAIL.EMAIL_ID.eq(emailId))
                .fetchOptional(SenderAddressRepository::stored);
    }

    Optional<Stored> lock(UUID accountId, long emailId) {
        return db.selectFrom(ACCOUNT_EMAIL)
                .where(ACCOUNT_EMAIL.ACCOUNT_ID.eq(accountId), ACCOUNT_EMAIL.EMAIL_ID.eq(emailId))
                .forUpdate()
                .fetchOptional(SenderAddressRepository::stored);
    }

    void confirm(UUID accountId, long emailId, String sourceType, OffsetDateTime now) {
        db.update(ACCOUNT_EMAIL)
                .set(ACCOUNT_EMAIL.EMAIL_STATUS, SenderAddress.CONFIRMED)
                .set(ACCOUNT_EMAIL.CONFIRM_TIME, now)
                .set(ACCOUNT_EMAIL.CONFIRM_SOURCE_TYPE, sourceType)
                .where(ACCOUNT_EMAIL.ACCOUNT_ID.eq(accountId), ACCOUNT_EMAIL.EMAIL_ID.eq(emailId))
                .execute();
    }

    boolean isConfirmed(UUID accountId, String emailKey) {
        return db.fetchExists(
                ACCOUNT_EMAIL,
                ACCOUNT_EMAIL.ACCOUNT_ID.eq(accountId),
                ACCOUNT_EMAIL.EMAIL_KEY.eq(emailKey),
                ACCOUNT_EMAIL.EMAIL_STATUS.eq(SenderAddress.CONFIRMED));
    }

    private static Stored stored(AccountEmailRecord r) {
        return new Stored(
                r.getAccountId(),
                r.getEmailId(),
                r.getEmailKey(),
                new SenderAddress(
                        r.getEmailAddress(),
                        r.getEmailId(),
                        r.getEmailStatus(),
                        r.getConfirmTime(),
                        r.getConfirmSourceType(),
                        List.of(),
                        List.of()),
                r.getRequestedAt());
    }
}
