package io.audience.mail;

import static io.audience.db.Tables.CONFIRMATION_ACCOUNT_DAY;
import static io.audience.db.Tables.CONFIRMATION_THROTTLE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The counters of confirmation mail. Each decision is one upsert whose {@code WHERE} holds the
 * rule: PostgreSQL re-checks it on the locked, latest row, so concurrent requests cannot both pass.
 */
@Repository
class ThrottleRepository {

    private final DSLContext db;

    ThrottleRepository(DSLContext db) {
        this.db = db;
    }

    /** Counts a mail to the address if its last one is older than {@code windowStart} and today's are under the cap. */
    boolean admitAddress(
            UUID accountId,
            String fingerprint,
            OffsetDateTime now,
            OffsetDateTime windowStart,
            LocalDate today,
            int dailyCap) {
        var t = CONFIRMATION_THROTTLE;
        return db.insertInto(t)
                        .set(t.ACCOUNT_ID, accountId)
                        .set(t.FINGERPRINT, fingerprint)
                        .set(t.LAST_SENT_AT, now)
                        .set(t.SENT_ON, today)
                        .set(t.DAY_COUNT, 1)
                        .onConflict(t.ACCOUNT_ID, t.FINGERPRINT)
                        .doUpdate()
                        .set(t.LAST_SENT_AT, now)
                        .set(
                                t.DAY_COUNT,
                                DSL.when(t.SENT_ON.eq(today), t.DAY_COUNT.plus(1))
                                        .otherwise(1))
                        .set(t.SENT_ON, today)
                        .where(
                                t.LAST_SENT_AT.le(windowStart),
                                t.SENT_ON.ne(today).or(t.DAY_COUNT.lt(dailyCap)))
                        .execute()
                == 1;
    }

    /** Counts a mail of the account today if it is under the cap. */
    boolean admitAccount(UUID accountId, LocalDate today, int dailyCap) {
        var t = CONFIRMATION_ACCOUNT_DAY;
        return db.insertInto(t)
                        .set(t.ACCOUNT_ID, accountId)
                        .set(t.SENT_ON, today)
                        .set(t.SENT, 1)
                        .onConflict(t.ACCOUNT_ID, t.SENT_ON)
                        .doUpdate()
                        .set(t.SENT, t.SENT.plus(1))
                        .where(t.SENT.lt(dailyCap))
                        .execute()
                == 1;
    }

    void forget(UUID accountId, String fingerprint) {
        db.deleteFrom(CONFIRMATION_THROTTLE)
                .where(
                        CONFIRMATION_THROTTLE.ACCOUNT_ID.eq(accountId),
                        CONFIRMATION_THROTTLE.FINGERPRINT.eq(fingerprint))
                .execute();
    }

    /** Counters of earlier days whose window is over too: they decide nothing any more. */
    int purgeBefore(LocalDate today, OffsetDateTime windowStart) {
        return db.deleteFrom(CONFIRMATION_THROTTLE)
                        .where(
                                CONFIRMATION_THROTTLE.SENT_ON.lt(today),
                                CONFIRMATION_THROTTLE.LAST_SENT_AT.le(windowStart))
                        .execute()
                + db.deleteFrom(CONFIRMATION_ACCOUNT_DAY)
                        .where(CONFIRMATION_ACCOUNT_DAY.SENT_ON.lt(today))
                        .execute();
    }
}
