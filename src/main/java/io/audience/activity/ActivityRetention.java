package io.audience.activity;

import io.audience.scheduling.Retention;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rows of activities that ended more than AUDIENCE_RETENTION_ACTIVITY_ROWS ago (30 days) are
 * deleted: each names a contact or an address an activity met. The activity and its counters stay;
 * its report is then empty. Deleted in batches, each its own transaction, so no long lock is held.
 */
@Component
class ActivityRetention implements Retention {

    private static final int BATCH = 10_000;

    private final ActivityRowRepository store;
    private final Duration retention;

    ActivityRetention(ActivityRowRepository store, @Value("${audience.retention.activity-rows}") Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    @Override
    public String describe() {
        return "rows of activities that ended more than " + retention + " ago";
    }

    @Override
    public int purge(OffsetDateTime now) {
        OffsetDateTime endedBefore = now.minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = store.purgeRowsOfActivitiesEndedBefore(endedBefore, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
