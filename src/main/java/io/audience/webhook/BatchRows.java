package io.audience.webhook;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Makes a batch's rows into events ({@link WebhookEventsInBulk#recordEach}): implemented by the
 * module whose staging rows they are, so webhooks need not know them.
 */
public interface BatchRows {

    /** The staging table whose rows this makes into events; batches name it ({@link EventBatch#stagedIn}). */
    String stagedIn();

    /** Records the events of the batch's rows {@code from .. to - 1} that were not announced early. */
    void expand(EventBatch batch, int from, int to);

    /** The contact's rows in the activities that are not announced yet: an index probe per activity. */
    List<StagedRow> rowsOf(UUID accountId, Collection<UUID> activityIds, UUID contactId);

    /**
     * Records now the events of the batch's row {@code item}, unless it was announced already, and
     * marks it announced: a change of its contact is about to be told, and must come after.
     */
    void expandRow(EventBatch batch, int item);
}
