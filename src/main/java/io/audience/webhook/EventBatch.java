package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A chunk of an import whose rows are still to be made into events: the staging rows (in the table
 * {@code stagedIn}, see {@link BatchRows#stagedIn}) {@code itemFrom .. itemTo - 1} of
 * {@code activityId} that the transaction {@code stamp} decided, from {@code nextItem} on. Each event type has the delivery sequence number taken when the chunk
 * committed, so its events queue where the change happened, before any later change of the contact.
 */
public record EventBatch(
        UUID accountId,
        UUID batchId,
        String stagedIn,
        UUID activityId,
        int itemFrom,
        int itemTo,
        int nextItem,
        long stamp,
        List<UUID> listIds,
        boolean allNew,
        List<UUID> webhookIds,
        List<Long> seqs,
        OffsetDateTime at) {

    /**
     * The event types a row can have, in the order they happen to it (a contact import's row has
     * the first five, a suppression import's consent.changed or delivery.bounced).
     */
    static final List<EventType> TYPES = List.of(
            EventType.CONTACT_CREATED,
            EventType.CONSENT_CHANGED,
            EventType.CONTACT_REVIVED,
            EventType.CONTACT_UPDATED,
            EventType.LIST_MEMBERSHIP_ADDED,
            EventType.DELIVERY_BOUNCED);

    public EventBatch {
        listIds = List.copyOf(listIds);
        webhookIds = List.copyOf(webhookIds);
        seqs = List.copyOf(seqs);
    }

    /** Whether the row is one of this batch's, not yet made into events. */
    boolean waits(StagedRow row) {
        return row.stagedIn().equals(stagedIn)
                && row.activityId().equals(activityId)
                && row.item() >= nextItem
                && row.item() < itemTo
                && row.stamp() == stamp;
    }

    long seq(EventType type) {
        int at = TYPES.indexOf(type);
        if (at < 0) {
            throw new IllegalArgumentException(type + " is not told in batches");
        }
        return seqs.get(at);
    }
}
