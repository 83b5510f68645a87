package io.audience.webhook;

import static io.audience.db.Tables.WEBHOOK_DELIVERY;
import static io.audience.db.Tables.WEBHOOK_EVENT;

import io.audience.scheduling.Retention;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries that succeeded or were given up on are kept for the log for a while, then deleted
 * with the events no delivery points at any more: the outbox holds contact data and must not grow
 * for ever.
 */
@Repository
class DeliveryRetention implements Retention {

    private final DSLContext db;
    private final Duration keep;

    DeliveryRetention(DSLContext db, @Value("${audience.webhooks.log-retention}") Duration keep) {
        this.db = db;
        this.keep = keep;
    }

    @Override
    public String describe() {
        return "webhook deliveries completed more than " + keep.toDays() + "d ago, and their events";
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        int deliveries = db.deleteFrom(WEBHOOK_DELIVERY)
                .where(
                        WEBHOOK_DELIVERY.STATUS.in(Deliveries.SUCCEEDED, Deliveries.FAILED),
                        WEBHOOK_DELIVERY.COMPLETED_AT.lt(now.minus(keep)))
                .execute();
        int events = db.deleteFrom(WEBHOOK_EVENT)
                .where(
                        WEBHOOK_EVENT.OCCURRED_AT.lt(now.minus(keep)),
                        DSL.notExists(DSL.selectOne()
                                .from(WEBHOOK_DELIVERY)
                                .where(
                                        WEBHOOK_DELIVERY.ACCOUNT_ID.eq(WEBHOOK_EVENT.ACCOUNT_ID),
                                        WEBHOOK_DELIVERY.EVENT_ID.eq(WEBHOOK_EVENT.EVENT_ID))))
                .execute();
        return deliveries + events;
    }
}
