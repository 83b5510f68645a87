package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Record2;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a bulk writer (an import) tells webhooks of many contacts at once, inside its transaction:
 * one statement per event type, nothing for an account without a subscription that wants it.
 */
@Repository
public class WebhookEventsInBulk {

    private final WebhookEventRepository outbox;

    WebhookEventsInBulk(WebhookEventRepository outbox) {
        this.outbox = outbox;
    }

    /** Whether some enabled subscription of the account wants any event: a bulk writer asks once per chunk. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean anySubscriber(UUID accountId) {
        return outbox.anySubscriber(accountId);
    }

    /**
     * Records one event of {@code type} for each row {@code contacts} selects ({@code contact_id},
     * once each, and {@code detail}: what {@link EventData} needs besides the contact, or null).
     * Their data is made by {@link EventData} when they are sent, so a chunk writes two narrow rows
     * per contact (the event, its delivery) and no JSON. Answers how many deliveries.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int recordEach(
            UUID accountId, EventType type, Select<? extends Record2<UUID, String>> contacts, OffsetDateTime at) {
        if (!outbox.anySubscriber(accountId, type)) {
            return 0;
        }
        return outbox.recordEach(accountId, type, contacts, at);
    }
}
