package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;
import static io.audience.db.Tables.ACTIVITY_ITEM;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Deletes of activity rows: those that name an erased person, and those of activities long ended. */
@Repository
class ActivityRowRepository {

    private final DSLContext db;

    ActivityRowRepository(DSLContext db) {
        this.db = db;
    }

    /** The staged rows that name the person: by the contact they made or met, or by an address of theirs. */
    void forgetPerson(UUID accountId, UUID contactId, java.util.Collection<String> emailKeys) {
        db.deleteFrom(ACTIVITY_ITEM)
                .where(
                        ACTIVITY_ITEM.ACCOUNT_ID.eq(accountId),
                        ACTIVITY_ITEM
                                .CONTACT_ID
                                .eq(contactId)
                                .or(ACTIVITY_ITEM.NEW_CONTACT_ID.eq(contactId))
                                .or(ACTIVITY_ITEM.EMAIL_KEY.in(emailKeys)))
                .execute();
    }

    /** Deletes up to {@code batch} rows of activities that ended before {@code endedBefore}; how many. */
    int purgeRowsOfActivitiesEndedBefore(OffsetDateTime endedBefore, int batch) {
        return db.deleteFrom(ACTIVITY_ITEM)
                .where(DSL.row(ACTIVITY_ITEM.ACCOUNT_ID, ACTIVITY_ITEM.ACTIVITY_ID, ACTIVITY_ITEM.ITEM_NUMBER)
                        .in(DSL.select(ACTIVITY_ITEM.ACCOUNT_ID, ACTIVITY_ITEM.ACTIVITY_ID, ACTIVITY_ITEM.ITEM_NUMBER)
                                .from(ACTIVITY_ITEM)
                                .join(ACTIVITY)
                                .on(
                                        ACTIVITY.ACCOUNT_ID.eq(ACTIVITY_ITEM.ACCOUNT_ID),
                                        ACTIVITY.ACTIVITY_ID.eq(ACTIVITY_ITEM.ACTIVITY_ID))
                                .where(
                                        ACTIVITY.STATE.in("completed", "failed", "cancelled"),
                                        ACTIVITY.UPDATED_AT.lt(endedBefore))
                                .limit(batch)))
                .execute();
    }
}
