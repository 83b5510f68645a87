package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;

import io.audience.api.NotFound;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records bulk work so that its status can be fetched at {@code /v3/activities/{id}}, as the
 * vendor's clients expect after a 202. Work done within the request is recorded completed.
 */
@Repository
public class ActivityLog {

    private final DSLContext db;

    ActivityLog(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityView completed(UUID accountId, String kind, OffsetDateTime now) {
        UUID id = Ids.next();
        db.insertInto(ACTIVITY)
                .set(ACTIVITY.ACCOUNT_ID, accountId)
                .set(ACTIVITY.ACTIVITY_ID, id)
                .set(ACTIVITY.KIND, kind)
                .set(ACTIVITY.STATE, "completed")
                .set(ACTIVITY.PERCENT_DONE, 100)
                .set(ACTIVITY.CREATED_AT, now)
                .set(ACTIVITY.UPDATED_AT, now)
                .execute();
        return new ActivityView(id, kind, "completed", 100, now, now);
    }

    @Transactional(readOnly = true)
    public ActivityView get(UUID accountId, UUID activityId) {
        return db.selectFrom(ACTIVITY)
                .where(ACTIVITY.ACCOUNT_ID.eq(accountId), ACTIVITY.ACTIVITY_ID.eq(activityId))
                .fetchOptional(r -> new ActivityView(r.getActivityId(), r.getKind(), r.getState(),
                        r.getPercentDone(), r.getCreatedAt(), r.getUpdatedAt()))
                .orElseThrow(() -> new NotFound("No activity " + activityId + " in this account"));
    }
}
