package io.audience.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import io.audience.scheduling.Schedulers;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rows of activities that ended more than AUDIENCE_RETENTION_ACTIVITY_ROWS ago (30 days) are
 * deleted: they repeat what people sent in an import. The activity and its counters stay; its
 * report is then empty. Deleted in batches, each its own transaction, so no long lock is held.
 */
@Component
class ActivityRetention {

    private static final Logger log = LoggerFactory.getLogger(ActivityRetention.class);
    private static final int BATCH = 10_000;

    private final ActivityStore store;
    private final Duration retention;

    ActivityRetention(ActivityStore store, @Value("${audience.retention.activity-rows}") Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${audience.retention.interval}", initialDelayString = "${audience.retention.interval}",
            scheduler = Schedulers.HOUSEKEEPING)
    public void purge() {
        OffsetDateTime endedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = store.purgeRowsOfActivitiesEndedBefore(endedBefore, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} rows of activities that ended before {}", total, endedBefore);
        }
    }
}
