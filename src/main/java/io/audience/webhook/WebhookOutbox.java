package io.audience.webhook;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the modules tell webhooks of a change, inside the transaction that makes it: the event
 * and its deliveries commit with the change or not at all. Nothing is read or written for an
 * account without a subscription that wants the event.
 */
@Component
public class WebhookOutbox {

    private final WebhookEventRepository outbox;
    private final SubscribedEvents subscribed;
    private final BatchRepository batches;
    private final StagedTables rows;
    private final JsonMapper json;

    WebhookOutbox(
            WebhookEventRepository outbox,
            SubscribedEvents subscribed,
            BatchRepository batches,
            StagedTables rows,
            JsonMapper json) {
        this.outbox = outbox;
        this.subscribed = subscribed;
        this.batches = batches;
        this.rows = rows;
        this.json = json;
    }

    /**
     * Records an event about {@code contactId} (null: about the account, e.g. an activity);
     * {@code data} is asked only when some subscription wants the event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            UUID accountId,
            EventType type,
            @org.jspecify.annotations.Nullable UUID contactId,
            OffsetDateTime at,
            Supplier<Object> data) {
        if (!subscribed.wanted(accountId, type)) {
            return;
        }
        if (contactId != null && type != EventType.CONTACT_ERASED) { // an erase forgot them
            announceEarlierRows(accountId, contactId);
        }
        UUID eventId = Ids.next();
        outbox.record(
                accountId,
                eventId,
                type,
                contactId == null ? "account" : contactId.toString(),
                payload(eventId, type, accountId, at, data.get()),
                at);
    }

    /** Erase: the events about the person go, delivered or not, so no copy of their data stays here. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(UUID accountId, UUID contactId) {
        // The account's batches stay locked until the erase commits: the lock waits for an
        // expansion running now, so the delete below sees what it wrote, and none starts before the
        // person's staging rows are gone with the commit. All of them: the contact may already be
        // unreadable here, so its rows cannot be looked up.
        for (EventBatch batch : batches.of(accountId)) {
            batches.lockShared(batch);
        }
        outbox.forget(accountId, contactId.toString());
    }

    /**
     * An import row of the contact that is not yet an event becomes one now, with its place in the
     * queue from when the import changed the contact: this change is then told after it.
     */
    private void announceEarlierRows(UUID accountId, UUID contactId) {
        for (Waiting w : waitingRows(accountId, contactId)) {
            batches.lockShared(w.batch())
                    .filter(locked -> locked.waits(w.row()))
                    .ifPresent(
                            locked -> rows.of(locked).expandRow(locked, w.row().item()));
        }
    }

    private record Waiting(EventBatch batch, StagedRow row) {}

    /** The contact's import rows still waiting in a batch, in the order of the batches. */
    private List<Waiting> waitingRows(UUID accountId, UUID contactId) {
        List<EventBatch> pending = batches.of(accountId);
        if (pending.isEmpty()) {
            return List.of();
        }
        List<StagedRow> found = rows.rowsOf(accountId, pending, contactId);
        List<Waiting> waiting = new ArrayList<>();
        for (EventBatch batch : pending) {
            for (StagedRow row : found) {
                if (batch.waits(row)) {
                    waiting.add(new Waiting(batch, row));
                }
            }
        }
        return waiting;
    }

    String payload(UUID eventId, EventType type, UUID accountId, OffsetDateTime at, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", eventId);
        event.put("type", type.wire());
        event.put("occurred_at", at);
        event.put("account_id", accountId);
        event.put("data", data);
        return json.writeValueAsString(event);
    }
}
