package io.audience.idempotency;

import io.audience.scheduling.Retention;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers kept for Idempotency-Key replays are deleted once they can no longer be replayed
 * (AUDIENCE_IDEMPOTENCY_RETENTION, 24 hours): they hold the contacts they answered with.
 */
@Component
class IdempotencyRetention implements Retention {

    private final IdempotencyRepository keys;
    private final Duration retention;

    IdempotencyRetention(IdempotencyRepository keys, @Value("${audience.idempotency-retention}") Duration retention) {
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public String describe() {
        return "Idempotency-Key answers older than " + retention;
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        return keys.forgetOlderThan(now.minus(retention));
    }
}
