package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;
import static io.audience.db.Tables.ACTIVITY_ITEM;

import io.audience.db.tables.records.ActivityItemRecord;
import io.audience.db.tables.records.ActivityRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

    static final String INITIALIZED = "initialized";
    static final String PROCESSING = "processing";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    record Claim(UUID accountId, UUID activityId, String kind, String payload, int nextItem, int total) {}

    private final DSLContext db;

    ActivityRepository(DSLContext db) {
        this.db = db;
    }

    void insert(
            UUID accountId,
            UUID activityId,
            String kind,
            String state,
            @Nullable String payload,
            int listCount,
            OffsetDateTime now) {
        db.insertInto(ACTIVITY)
                .set(ACTIVITY.ACCOUNT_ID, accountId)
                .set(ACTIVITY.ACTIVITY_ID, activityId)
                .set(ACTIVITY.KIND, kind)
                .set(ACTIVITY.STATE, state)
                .set(ACTIVITY.PERCENT_DONE, COMPLETED.equals(state) ? 100 : 0)
                .set(ACTIVITY.PAYLOAD, payload)
                .set(ACTIVITY.LIST_COUNT, listCount)
                .set(ACTIVITY.CREATED_AT, now)
                .set(ACTIVITY.UPDATED_AT, now)
                .set(ACTIVITY.COMPLETED_AT, COMPLETED.equals(state) ? now : null)
                .execute();
    }

    void stage(UUID accountId, UUID activityId, List<ActivityItem> items) {
        if (items.isEmpty()) {
            return;
        }
        InsertValuesStep5<ActivityItemRecord, UUID, UUID, Integer, String, String> insert = db.insertInto(
                ACTIVITY_ITEM,
                ACTIVITY_ITEM.ACCOUNT_ID,
                ACTIVITY_ITEM.ACTIVITY_ID,
                ACTIVITY_ITEM.ITEM_NUMBER,
                ACTIVITY_ITEM.EMAIL_KEY,
                ACTIVITY_ITEM.DATA);
        for (ActivityItem item : items) {
            insert = insert.values(accountId, activityId, item.number(), item.emailKey(), item.data());
        }
        insert.execute();
    }

    void describe(UUID accountId, UUID activityId, String payload, int listCount) {
        db.update(ACTIVITY)
                .set(ACTIVITY.PAYLOAD, payload)
                .set(ACTIVITY.LIST_COUNT, listCount)
                .where(ACTIVITY.ACCOUNT_ID.eq(accountId), ACTIVITY.ACTIVITY_ID.eq(activityId))
                .execute();
    }

    void setTotal(UUID accountId, UUID activityId, int total) {
        db.update(ACTIVITY)
                .set(ACTIVITY.ITEMS_TOTAL_COUNT, total)
                .where(ACTIVITY.ACCOUNT_ID.eq(accountId), ACTIVITY.ACTIVITY_ID.eq(activityId))
                .execute();
    }

    /** Takes the oldest activity that is waiting, or whose worker's lease ran out (it crashed). */
    Optional<Claim> claim(UUID owner, OffsetDateTime now, OffsetDateTime leaseUntil) {
        Optional<ActivityRecord> due = db.selectFrom(ACTIVITY)
                .where(
                        ACTIVITY.STATE.in(INITIALIZED, PROCESSING),
                        ACTIVITY.LEASE_UNTIL.isNull().or(ACTIVITY.LEASE_UNTIL.lt(now)))
                .orderBy(ACTIVITY.CREATED_AT)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional();
        due.ifPresent(r -> db.update(ACTIVITY)
                .set(ACTIVITY.STATE, PROCESSING)
                .set(ACTIVITY.LEASE_OWNER, owner)
                .set(ACTIVITY.LEASE_UNTIL, leaseUntil)
                .set(ACTIVITY.STARTED_AT, r.getStartedAt() != null ? r.getStartedAt() : now)
                .set(ACTIVITY.UPDATED_AT, now)
                .where(ACTIVITY.ACCOUNT_ID.eq(r.getAccountId()), ACTIVITY.ACTIVITY_ID.eq(r.getActivityId()))
                .execute());
        return due.map(r -> new Claim(
                r.getAccountId(),
                r.getActivityId(),
                r.getKind(),
                r.getPayload() == null ? "" : r.getPayload(),
                r.getNextItem(),
                r.getItemsTotalCount()));
    }

    /** Locks the activity if this worker still holds its lease; a worker that lost it stops. */
    Optional<Integer> lockIfOwned(Claim claim, UUID owner) {
        return db.select(ACTIVITY.NEXT_ITEM)
                .from(ACTIVITY)
                .where(
                        ACTIVITY.ACCOUNT_ID.eq(claim.accountId()),
                        ACTIVITY.ACTIVITY_ID.eq(claim.activityId()),
                        ACTIVITY.LEASE_OWNER.eq(owner),
                        ACTIVITY.STATE.eq(PROCESSING))
                .forUpdate()
                .fetchOptional(ACTIVITY.NEXT_ITEM);
    }

    List<ActivityItem> items(Claim claim, int from, int limit) {
        return db.select(ACTIVITY_ITEM.ITEM_NUMBER, ACTIVITY_ITEM.EMAIL_KEY, ACTIVITY_ITEM.DATA)
                .from(ACTIVITY_ITEM)
                .where(
                        ACTIVITY_ITEM.ACCOUNT_ID.eq(claim.accountId()),
                        ACTIVITY_ITEM.ACTIVITY_ID.eq(claim.activityId()),
                        ACTIVITY_ITEM.ITEM_NUMBER.ge(from))
                .orderBy(ACTIVITY_ITEM.ITEM_NUMBER)
                .limit(limit)
                .fetch(r -> new ActivityItem(r.value1(), r.value2(), r.value3()));
    }

    void recordOutcome(Claim claim, int number, ItemOutcome outcome) {
        db.update(ACTIVITY_ITEM)
                .set(ACTIVITY_ITEM.OUTCOME, outcome.kind().wire())
                .set(
                        ACTIVITY_ITEM.REASON,
                        outcome.reason() == null || outcome.reason().length() <= 500
                                ? outcome.reason()
                                : outcome.reason().substring(0, 500))
                .set(ACTIVITY_ITEM.CONTACT_ID, outcome.contactId())
                .where(
                        ACTIVITY_ITEM.ACCOUNT_ID.eq(claim.accountId()),
                        ACTIVITY_ITEM.ACTIVITY_ID.eq(claim.activityId()),
                        ACTIVITY_ITEM.ITEM_NUMBER.eq(number))
                .execute();
    }

    /** Adds a chunk's counts, moves the resume position and renews the lease, in the chunk's transaction. */
    boolean advance(
            Claim claim, int nextItem, ActivityView.Counters delta, OffsetDateTime now, OffsetDateTime leaseUntil) {
        boolean done = nextItem > claim.total();
        db.update(ACTIVITY)
                .set(plus(delta))
                .set(ACTIVITY.NEXT_ITEM, nextItem)
                .set(ACTIVITY.PERCENT_DONE, claim.total() == 0 ? 100 : (int) (100L * (nextItem - 1) / claim.total()))
                .set(ACTIVITY.STATE, done ? COMPLETED : PROCESSING)
                .set(ACTIVITY.COMPLETED_AT, done ? now : null)
                .set(ACTIVITY.LEASE_UNTIL, done ? null : leaseUntil)
                .set(ACTIVITY.UPDATED_AT, now)
                .where(ACTIVITY.ACCOUNT_ID.eq(claim.accountId()), ACTIVITY.ACTIVITY_ID.eq(claim.activityId()))
                .execute();
        return done;
    }

    /** The counters with {@code delta} added. */
    private static java.util.Map<org.jooq.Field<?>, org.jooq.Field<Integer>> plus(ActivityView.Counters delta) {
        java.util.Map<org.jooq.Field<?>, org.jooq.Field<Integer>> added = new java.util.LinkedHashMap<>();
        added.put(ACTIVITY.ITEMS_COMPLETED_COUNT, ACTIVITY.ITEMS_COMPLETED_COUNT.plus(delta.itemsCompletedCount()));
        added.put(ACTIVITY.PERSON_COUNT, ACTIVITY.PERSON_COUNT.plus(delta.personCount()));
        added.put(ACTIVITY.ERROR_COUNT, ACTIVITY.ERROR_COUNT.plus(delta.errorCount()));
        added.put(ACTIVITY.CORRECTABLE_COUNT, ACTIVITY.CORRECTABLE_COUNT.plus(delta.correctableCount()));
        added.put(
                ACTIVITY.CANNOT_ADD_TO_LIST_COUNT,
                ACTIVITY.CANNOT_ADD_TO_LIST_COUNT.plus(delta.cannotAddToListCount()));
        return added;
    }

    /**
     * Where a set-based activity resumes: its first row without an outcome. Rows staged here keep
     * a null outcome until decided; rows that their owner stages itself (an import) appear here
     * only with their outcome, so a number missing before the last is pending too.
     */
    int firstPending(Claim claim) {
        Field<Integer> number = ACTIVITY_ITEM.ITEM_NUMBER;
        Table<?> rows = DSL.select(
                        number,
                        ACTIVITY_ITEM.OUTCOME,
                        DSL.lead(number).over(DSL.orderBy(number)).as("following"))
                .from(ACTIVITY_ITEM)
                .where(ACTIVITY_ITEM.ACCOUNT_ID.eq(claim.accountId()), ACTIVITY_ITEM.ACTIVITY_ID.eq(claim.activityId()))
                .asTable("r");
        Field<Integer> n = rows.field(number);
        Field<Integer> following = rows.field("following", Integer.class);
        org.jooq.Record2<Integer, Integer> first = db.select(
                        DSL.min(n),
                        DSL.min(DSL.when(rows.field(ACTIVITY_ITEM.OUTCOME).isNull(), n)
                                .when(following.isDistinctFrom(n.plus(1)), n.plus(1))))
                .from(rows)
                .fetchSingle();
        if (first.value1() == null || first.value1() > 1) {
            return 1;
        }
        return first.value2() == null ? claim.total() + 1 : Math.min(first.value2(), claim.total() + 1);
    }

    /**
     * Adds a range's counts and renews the lease, at the end of the range's transaction, if this
     * worker still holds the lease; false (and the caller rolls back) when it does not.
     */
    boolean addCountsIfOwned(
            Claim claim, UUID owner, ActivityView.Counters delta, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return db.update(ACTIVITY)
                        .set(plus(delta))
                        .set(
                                ACTIVITY.PERCENT_DONE,
                                claim.total() == 0
                                        ? DSL.val(100)
                                        : DSL.least(
                                                DSL.val(99),
                                                ACTIVITY.ITEMS_COMPLETED_COUNT
                                                        .plus(delta.itemsCompletedCount())
                                                        .mul(100)
                                                        .div(claim.total())))
                        .set(ACTIVITY.LEASE_UNTIL, leaseUntil)
                        .set(ACTIVITY.UPDATED_AT, now)
                        .where(
                                ACTIVITY.ACCOUNT_ID.eq(claim.accountId()),
                                ACTIVITY.ACTIVITY_ID.eq(claim.activityId()),
                                ACTIVITY.LEASE_OWNER.eq(owner),
                                ACTIVITY.STATE.eq(PROCESSING))
                        .execute()
                == 1;
    }

    /** Extends the lease if this worker still holds it. */
    boolean renewLease(Claim claim, UUID owner, OffsetDateTime leaseUntil) {
        return db.update(ACTIVITY)
                        .set(ACTIVITY.LEASE_UNTIL, leaseUntil)
                        .where(
                                ACTIVITY.ACCOUNT_ID.eq(claim.accountId()),
                                ACTIVITY.ACTIVITY_ID.eq(claim.activityId()),
                                ACTIVITY.LEASE_OWNER.eq(owner),
                                ACTIVITY.STATE.eq(PROCESSING))
                        .execute()
                == 1;
    }

    /** Completes a set-based activity when no row is left without an outcome; else frees its lease. */
    boolean completeIfDone(Claim claim, UUID owner, OffsetDateTime now) {
        boolean done = firstPending(claim) > claim.total();
        return db.update(ACTIVITY)
                                .set(ACTIVITY.STATE, done ? COMPLETED : PROCESSING)
                                .set(ACTIVITY.PERCENT_DONE, done ? DSL.val(100) : ACTIVITY.PERCENT_DONE)
                                .set(ACTIVITY.COMPLETED_AT, done ? now : null)
                                .set(ACTIVITY.LEASE_UNTIL, done ? null : now)
                                .set(ACTIVITY.UPDATED_AT, now)
                                .where(
                                        ACTIVITY.ACCOUNT_ID.eq(claim.accountId()),
                                        ACTIVITY.ACTIVITY_ID.eq(claim.activityId()),
                                        ACTIVITY.LEASE_OWNER.eq(owner),
                                        ACTIVITY.STATE.eq(PROCESSING))
                                .execute()
                        == 1
                && done;
    }

    /** Counts of rows decided when they were staged (refused, duplicates), known before any chunk runs. */
    void setDecided(UUID accountId, UUID activityId, ActivityView.Counters decided) {
        db.update(ACTIVITY)
                .set(ACTIVITY.ITEMS_COMPLETED_COUNT, decided.itemsCompletedCount())
                .set(ACTIVITY.ERROR_COUNT, decided.errorCount())
                .set(ACTIVITY.CORRECTABLE_COUNT, decided.correctableCount())
                .where(ACTIVITY.ACCOUNT_ID.eq(accountId), ACTIVITY.ACTIVITY_ID.eq(activityId))
                .execute();
    }

    void fail(Claim claim, String error, OffsetDateTime now) {
        db.update(ACTIVITY)
                .set(ACTIVITY.STATE, FAILED)
                .set(ACTIVITY.ACTIVITY_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .set(ACTIVITY.COMPLETED_AT, now)
                .set(ACTIVITY.LEASE_UNTIL, (OffsetDateTime) null)
                .set(ACTIVITY.UPDATED_AT, now)
                .where(ACTIVITY.ACCOUNT_ID.eq(claim.accountId()), ACTIVITY.ACTIVITY_ID.eq(claim.activityId()))
                .execute();
    }
}
