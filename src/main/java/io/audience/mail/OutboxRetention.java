package io.audience.mail;

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
 * Mail that was sent, or given up on, more than AUDIENCE_RETENTION_SENT_MAIL ago (30 days) is
 * deleted: it holds the address, the person's name and their links.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxRepository outbox;
    private final ConfirmationThrottle throttle;
    private final Duration retention;

    OutboxRetention(OutboxRepository outbox, ConfirmationThrottle throttle, @Value("${audience.retention.sent-mail}") Duration retention) {
        this.outbox = outbox;
        this.throttle = throttle;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${audience.retention.interval}", initialDelayString = "${audience.retention.interval}",
            scheduler = Schedulers.HOUSEKEEPING)
    @Transactional
    public void purge() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        throttle.purgeOld(now);
        int deleted = outbox.purgeFinishedBefore(now.minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} mails sent or given up on more than {} ago", deleted, retention);
        }
    }
}
