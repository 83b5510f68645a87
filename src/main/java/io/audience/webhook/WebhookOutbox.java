package io.audience.webhook;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
    private final JsonMapper json;

    WebhookOutbox(WebhookEventRepository outbox, JsonMapper json) {
        this.outbox = outbox;
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
        if (!outbox.anySubscriber(accountId, type)) {
            return;
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
        outbox.forget(accountId, contactId.toString());
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
