package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;
import static io.audience.db.Tables.ACTIVITY_ITEM;

import io.audience.db.tables.records.ActivityRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Activities and their row outcomes as the API shows them: reads only. */
@Repository
class ActivityViewRepository {

    private final DSLContext db;

    ActivityViewRepository(DSLContext db) {
        this.db = db;
    }

    record Report(
            int number,
            String outcome,
            @Nullable String reason,
            @Nullable UUID contactId) {}

    Optional<String> payloadOf(UUID accountId, UUID activityId, String kind) {
        return db.select(ACTIVITY.PAYLOAD)
                .from(ACTIVITY)
                .where(ACTIVITY.ACCOUNT_ID.eq(accountId), ACTIVITY.ACTIVITY_ID.eq(activityId), ACTIVITY.KIND.eq(kind))
                .fetchOptional(ACTIVITY.PAYLOAD);
    }

    Optional<ActivityView> find(UUID accountId, UUID activityId) {
        return db.selectFrom(ACTIVITY)
                .where(ACTIVITY.ACCOUNT_ID.eq(accountId), ACTIVITY.ACTIVITY_ID.eq(activityId))
                .fetchOptional(ActivityViewRepository::view);
    }

    List<ActivityView> page(UUID accountId, @Nullable String state, @Nullable UUID after, int limit) {
        Condition where = ACTIVITY.ACCOUNT_ID.eq(accountId);
        if (state != null) {
            where = where.and(ACTIVITY.STATE.eq(state));
        }
        if (after != null) {
            where = where.and(ACTIVITY.ACTIVITY_ID.lt(after));
        }
        return db.selectFrom(ACTIVITY)
                .where(where)
                .orderBy(ACTIVITY.ACTIVITY_ID.desc())
                .limit(limit)
                .fetch(ActivityViewRepository::view);
    }

    /** Activities not finished yet, oldest first (few: each ends or fails). */
    List<ActivityView> unfinished(UUID accountId, int limit) {
        return db.selectFrom(ACTIVITY)
                .where(
                        ACTIVITY.ACCOUNT_ID.eq(accountId),
                        ACTIVITY.STATE.in(ActivityRepository.INITIALIZED, ActivityRepository.PROCESSING))
                .orderBy(ACTIVITY.ACTIVITY_ID)
                .limit(limit)
                .fetch(ActivityViewRepository::view);
    }

    /** Every row's outcome in row order, read with a cursor (an import may have millions). */
    void report(UUID accountId, UUID activityId, java.util.function.Consumer<Report> rows) {
        try (var cursor = db.select(
                        ACTIVITY_ITEM.ITEM_NUMBER,
                        ACTIVITY_ITEM.OUTCOME,
                        ACTIVITY_ITEM.REASON,
                        ACTIVITY_ITEM.CONTACT_ID)
                .from(ACTIVITY_ITEM)
                .where(ACTIVITY_ITEM.ACCOUNT_ID.eq(accountId), ACTIVITY_ITEM.ACTIVITY_ID.eq(activityId))
                .orderBy(ACTIVITY_ITEM.ITEM_NUMBER)
                .fetchSize(5000)
                .fetchLazy()) {
            cursor.forEach(r -> rows.accept(
                    new Report(r.value1(), r.value2() == null ? "pending" : r.value2(), r.value3(), r.value4())));
        }
    }

    /** The newest activities of the given kinds first, after the cursor. */
    List<ActivityView> pageOfKinds(UUID accountId, java.util.Set<String> kinds, @Nullable UUID after, int limit) {
        Condition where = ACTIVITY.ACCOUNT_ID.eq(accountId).and(ACTIVITY.KIND.in(kinds));
        if (after != null) {
            where = where.and(ACTIVITY.ACTIVITY_ID.lt(after));
        }
        return db.selectFrom(ACTIVITY)
                .where(where)
                .orderBy(ACTIVITY.ACTIVITY_ID.desc())
                .limit(limit)
                .fetch(ActivityViewRepository::view);
    }

    /** The first rows that failed, in row order. */
    List<Report> failures(UUID accountId, UUID activityId, int limit) {
        return db.select(
                        ACTIVITY_ITEM.ITEM_NUMBER,
                        ACTIVITY_ITEM.OUTCOME,
                        ACTIVITY_ITEM.REASON,
                        ACTIVITY_ITEM.CONTACT_ID)
                .from(ACTIVITY_ITEM)
                .where(
                        ACTIVITY_ITEM.ACCOUNT_ID.eq(accountId),
                        ACTIVITY_ITEM.ACTIVITY_ID.eq(activityId),
                        ACTIVITY_ITEM.OUTCOME.eq(ItemOutcome.Kind.FAILED.wire()))
                .orderBy(ACTIVITY_ITEM.ITEM_NUMBER)
                .limit(limit)
                .fetch(r -> new Report(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** How many rows ended each way so far, by outcome. */
    java.util.Map<String, Integer> outcomes(UUID accountId, UUID activityId) {
        return db.select(ACTIVITY_ITEM.OUTCOME, org.jooq.impl.DSL.count())
                .from(ACTIVITY_ITEM)
                .where(
                        ACTIVITY_ITEM.ACCOUNT_ID.eq(accountId),
                        ACTIVITY_ITEM.ACTIVITY_ID.eq(activityId),
                        ACTIVITY_ITEM.OUTCOME.isNotNull())
                .groupBy(ACTIVITY_ITEM.OUTCOME)
                .fetchMap(ACTIVITY_ITEM.OUTCOME, org.jooq.impl.DSL.count());
    }

    private static ActivityView view(ActivityRecord r) {
        return new ActivityView(
                r.getActivityId(),
                r.getKind(),
                r.getState(),
                r.getPercentDone(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getStartedAt(),
                r.getCompletedAt(),
                new ActivityView.Counters(
                        r.getItemsTotalCount(),
                        r.getItemsCompletedCount(),
                        r.getPersonCount(),
                        r.getErrorCount(),
                        r.getCorrectableCount(),
                        r.getCannotAddToListCount(),
                        r.getListCount()),
                r.getActivityError());
    }

    /** Activities of every account by state, for the installation's gauge. */
    java.util.Map<String, Long> countByState() {
        return db.select(ACTIVITY.STATE, org.jooq.impl.DSL.count())
                .from(ACTIVITY)
                .groupBy(ACTIVITY.STATE)
                .fetchMap(r -> r.value1(), r -> r.value2().longValue());
    }
}
