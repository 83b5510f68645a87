package io.audience.scheduling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Retention} every AUDIENCE_RETENTION_INTERVAL. Every instance runs it; the
 * deletes do not conflict. One retention that fails is logged and does not stop the others.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Retention> retentions;
    private final Clock clock;

    Housekeeping(List<Retention> retentions, Clock clock) {
        this.retentions = retentions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${audience.retention.interval}",
            initialDelayString = "${audience.retention.interval}",
            scheduler = Schedulers.HOUSEKEEPING)
    void run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Retention retention : retentions) {
            try {
                int deleted = retention.purge(now);
                if (deleted > 0) {
                    log.info("Deleted {} {}", deleted, retention.describe());
                }
            } catch (RuntimeException e) {
                log.warn("Could not delete {}; the next run tries again", retention.describe(), e);
            }
        }
    }
}
