package io.audience.webhook;

import io.audience.scheduling.Retention;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries that succeeded or were given up on are kept for the log for a while, then deleted
 * with the events no delivery points at any more: the outbox holds contact data and must not grow
 * for ever.
 */
@Component
class DeliveryRetention implements Retention {

    private final DeliveryRepository deliveries;
    private final Duration keep;

    DeliveryRetention(DeliveryRepository deliveries, @Value("${audience.webhooks.log-retention}") Duration keep) {
        this.deliveries = deliveries;
        this.keep = keep;
    }

    @Override
    public String describe() {
        return "webhook deliveries completed more than " + keep.toDays() + "d ago, and their events";
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        return deliveries.purgeCompletedBefore(now.minus(keep));
    }
}
