package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;
import static io.audience.db.Tables.ACTIVITY_ITEM;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report of an activity whose rows their owner stages and decides itself (an import): the
 * owner hands each row's outcome here, set-based, and the activity's report and resume position
 * read them from {@code activity_item} like those of any other activity.
 */
@Repository
public class RowOutcomeRepository {

    private static final int PURGE_BATCH = 10_000;

    private final DSLContext db;

    RowOutcomeRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Records outcomes in the caller's transaction, so that they commit with the rows' effects.
     * {@code outcomes} selects, in this order, the row number, its outcome ({@code created},
     * {@code updated}, {@code skipped} or {@code failed}), the reason (up to 500 characters, or
     * null) and the contact (or null), each row of the activity at most once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            UUID accountId, UUID activityId, Select<? extends Record4<Integer, String, String, UUID>> outcomes) {
        Table<? extends Record4<Integer, String, String, UUID>> o = outcomes.asTable("o");
        db.insertInto(
                        ACTIVITY_ITEM,
                        ACTIVITY_ITEM.ACCOUNT_ID,
                        ACTIVITY_ITEM.ACTIVITY_ID,
                        ACTIVITY_ITEM.ITEM_NUMBER,
                        ACTIVITY_ITEM.OUTCOME,
                        ACTIVITY_ITEM.REASON,
                        ACTIVITY_ITEM.CONTACT_ID)
                .select(DSL.select(
                                DSL.val(accountId),
                                DSL.val(activityId),
                                o.field(0, Integer.class),
                                o.field(1, String.class),
                                o.field(2, String.class),
                                o.field(3, UUID.class))
                        .from(o))
                .execute();
    }

    /**
     * Deletes the owner's staging rows ({@code table}, keyed by account, activity and item) of the
     * activities that ended before {@code endedBefore}, but those {@code keep} holds on to, 10,000
     * at a time so no statement holds many locks; answers how many went.
     */
    public int purgeStaged(
            Table<?> table,
            Field<UUID> accountId,
            Field<UUID> activityId,
            Field<Integer> item,
            Condition keep,
            OffsetDateTime endedBefore) {
        int total = 0;
        int deleted;
        do {
            deleted = db.deleteFrom(table)
                    .where(DSL.row(accountId, activityId, item)
                            .in(DSL.select(accountId, activityId, item)
                                    .from(table)
                                    .where(DSL.row(accountId, activityId).in(endedBefore(endedBefore)))
                                    .andNot(keep)
                                    .limit(PURGE_BATCH)))
                    .execute();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    /** The activities, as (account_id, activity_id), that ended before {@code endedBefore}. */
    private static Select<Record2<UUID, UUID>> endedBefore(OffsetDateTime endedBefore) {
        return DSL.select(ACTIVITY.ACCOUNT_ID, ACTIVITY.ACTIVITY_ID)
                .from(ACTIVITY)
                .where(
                        ACTIVITY.STATE.in(ActivityRepository.COMPLETED, ActivityRepository.FAILED, "cancelled"),
                        ACTIVITY.UPDATED_AT.lt(endedBefore));
    }
}
