package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a bulk writer (an import) tells webhooks of many contacts: one row per chunk in the
 * chunk's transaction ({@link #enqueue}), made into an event per row and type later, a few
 * thousand at a time as the endpoints take them ({@link BatchRows}, {@link #recordEach}).
 */
@Repository
public class WebhookEventsInBulk {

    private final WebhookEventRepository outbox;
    private final BatchRepository batches;

    WebhookEventsInBulk(WebhookEventRepository outbox, BatchRepository batches) {
        this.outbox = outbox;
        this.batches = batches;
    }

    /**
     * Records that the rows {@code from .. to - 1} of the activity that this transaction decided,
     * staged in the table {@code rows} names, are to be told, with the lists the import adds to
     * ({@code allNew}: every address of the chunk was new to the account); nothing when no
     * subscription of the account is enabled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(
            BatchRows rows,
            UUID accountId,
            UUID activityId,
            int from,
            int to,
            List<UUID> listIds,
            boolean allNew,
            OffsetDateTime at) {
        batches.insert(accountId, rows.stagedIn(), activityId, from, to, listIds, allNew, at);
    }

    /**
     * Records one event of {@code type} for each row {@code contacts} selects ({@code contact_id},
     * once each, and {@code detail}: what {@link EventData} needs besides the contact, or null),
     * queued where the batch's chunk committed, to the batch's subscriptions that want it. Their
     * data is made by {@link EventData} when they are sent, so a row costs two narrow rows per
     * type (the event, its delivery) and no JSON. Answers how many deliveries.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int recordEach(EventBatch batch, EventType type, Select<? extends Record2<UUID, String>> contacts) {
        if (!outbox.anyWants(batch.accountId(), batch.webhookIds(), type)) {
            return 0;
        }
        return outbox.recordEach(batch.accountId(), type, contacts, batch.at(), batch.seq(type), batch.webhookIds());
    }

    /** Whether a batch still needs the activity's staging rows: they are not purged before it is told. */
    public Condition stillTelling(Field<UUID> accountId, Field<UUID> activityId) {
        return BatchRepository.pending(accountId, activityId);
    }
}
