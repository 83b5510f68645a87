package io.audience.mail;

import io.audience.scheduling.Retention;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail that was sent, or given up on, more than AUDIENCE_RETENTION_SENT_MAIL ago (30 days) is
 * deleted: it holds the address, the person's name and their links.
 */
@Component
class OutboxRetention implements Retention {

    private final OutboxRepository outbox;
    private final Duration retention;

    OutboxRetention(OutboxRepository outbox, @Value("${audience.retention.sent-mail}") Duration retention) {
        this.outbox = outbox;
        this.retention = retention;
    }

    @Override
    public String describe() {
        return "mails sent or given up on more than " + retention + " ago";
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        return outbox.purgeFinishedBefore(now.minus(retention));
    }
}
