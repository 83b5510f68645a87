package io.audience.activity;

import io.audience.webhook.EventType;
import io.audience.webhook.WebhookOutbox;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells webhooks that an activity completed, in the transaction that completes it. */
@Component
class ActivityCompletions {

    private final WebhookOutbox outbox;
    private final ActivityViewRepository views;

    ActivityCompletions(WebhookOutbox outbox, ActivityViewRepository views) {
        this.outbox = outbox;
        this.views = views;
    }

    void completed(UUID accountId, UUID activityId, OffsetDateTime now) {
        outbox.record(
                accountId,
                EventType.ACTIVITY_COMPLETED,
                null,
                now,
                () -> views.find(accountId, activityId).orElseThrow());
    }
}
