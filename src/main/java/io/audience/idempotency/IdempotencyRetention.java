package io.audience.idempotency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import io.audience.scheduling.Schedulers;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers kept for Idempotency-Key replays are deleted once they can no longer be replayed
 * (AUDIENCE_IDEMPOTENCY_RETENTION, 24 hours): they hold the contacts they answered with.
 */
@Component
class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyRepository keys;
    private final Duration retention;

    IdempotencyRetention(IdempotencyRepository keys, @Value("${audience.idempotency-retention}") Duration retention) {
        this.keys = keys;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${audience.retention.interval}", initialDelayString = "${audience.retention.interval}",
            scheduler = Schedulers.HOUSEKEEPING)
    @Transactional
    public void purge() {
        int deleted = keys.forgetOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} Idempotency-Key answers older than {}", deleted, retention);
        }
    }
}
