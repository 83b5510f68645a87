package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@code data} of an event recorded in bulk ({@link WebhookEventsInBulk#recordEach}) when it
 * is sent. Implemented by the module that owns contacts, so webhooks need not know their shape.
 */
public interface EventData {

    /** The event's data; {@code detail} is what the event was recorded with besides its contact. */
    Object of(UUID accountId, EventType type, UUID contactId, OffsetDateTime occurredAt, @Nullable String detail);
}
